package it.relchg.util;

/** A reactor library that does not change between the two releases. */
public final class Util {
  private Util() {}

  public static String shout(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }
}
