package it.relpar.svc3;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-3");
  }
}
