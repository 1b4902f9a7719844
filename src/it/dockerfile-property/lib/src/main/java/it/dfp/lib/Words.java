package it.dfp.lib;

public final class Words {
  private Words() {}

  public static String hi(String module) {
    return module + " says hi";
  }
}
