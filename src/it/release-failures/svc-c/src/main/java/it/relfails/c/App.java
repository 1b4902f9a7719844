package it.relfails.c;

public class App {
  public static void main(String[] args) {
    System.out.println("svc-c " + it.relfails.mid.Lib.name());
  }
}
