package it.relpar.svc5;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-5");
  }
}
