package it.tpl;

public class App {
  public static void main(String[] args) {
    System.out.println("up");
  }
}
