package it.relfail.svcc;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-c release=" + System.getenv("RELEASE"));
  }
}
