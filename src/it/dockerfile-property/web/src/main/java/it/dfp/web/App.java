package it.dfp.web;

public class App {
  public static void main(String[] args) {
    System.out.println("web says hi " + String.join(" ", args));
  }
}
