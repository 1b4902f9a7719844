package it.relpar.svc2;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-2");
  }
}
