package it.relchg.one;

public class App {
  public static void main(String[] args) {
    System.out.println(Greeting.TEXT);
  }
}
