package it.reltry.a;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-a");
  }
}
