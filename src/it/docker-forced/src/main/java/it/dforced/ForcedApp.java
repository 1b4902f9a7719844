package it.dforced;

public class ForcedApp {
  public static void main(String[] args) {
    System.out.println("forced " + String.join(",", args));
  }
}
