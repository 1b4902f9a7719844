package it.bad.dfp;

public class App {
  public static void main(String[] args) {
    System.out.println("never built");
  }
}
