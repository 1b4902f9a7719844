package it.relfails.last;

public class Lib {
  private Lib() {}

  public static String name() {
    return "lib-last";
  }
}
