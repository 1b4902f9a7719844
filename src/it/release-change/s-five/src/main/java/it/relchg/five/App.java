package it.relchg.five;

public class App {
  public static void main(String[] args) {
    System.out.println("s-five");
  }
}
