package it.relchg.four;

public class App {
  public static void main(String[] args) {
    System.out.println(it.relchg.util.Util.shout("s-four"));
  }
}
