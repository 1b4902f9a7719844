package it.relchg.two;

public class App {
  public static void main(String[] args) {
    System.out.println("s-two " + it.relchg.common.Common.text());
  }
}
