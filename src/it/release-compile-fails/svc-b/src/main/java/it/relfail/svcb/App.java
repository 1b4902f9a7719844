package it.relfail.svcb;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-b release=" + System.getenv("RELEASE"));
  }
}
