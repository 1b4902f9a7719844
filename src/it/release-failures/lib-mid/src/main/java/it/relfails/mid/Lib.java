package it.relfails.mid;

public class Lib {
  private Lib() {}

  public static String name() {
    return "lib-mid";
  }
}
