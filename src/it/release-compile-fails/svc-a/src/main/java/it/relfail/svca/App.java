package it.relfail.svca;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-a release=" + System.getenv("RELEASE"));
  }
}
