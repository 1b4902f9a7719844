package it.drun.checked;

public class CheckedApp {
  public static void main(String[] args) {
    System.out.println("checked up");
  }
}
