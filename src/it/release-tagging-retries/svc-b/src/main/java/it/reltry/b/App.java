package it.reltry.b;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-b");
  }
}
