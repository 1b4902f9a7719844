package it.relchg.three;

public class App {
  public static void main(String[] args) {
    System.out.println("s-three " + it.relchg.common.Common.text());
  }
}
