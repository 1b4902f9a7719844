package it.relpar.svc6;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-6");
  }
}
