package it.relpar.svc4;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-4");
  }
}
