package it.dfp.worker;

public class App {
  public static void main(String[] args) {
    System.out.println("worker says hi " + String.join(" ", args));
  }
}
