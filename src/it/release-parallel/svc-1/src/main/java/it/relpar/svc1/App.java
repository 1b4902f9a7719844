package it.relpar.svc1;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-1");
  }
}
