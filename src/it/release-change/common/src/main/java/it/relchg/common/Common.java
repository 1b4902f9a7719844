package it.relchg.common;

/** A reactor library that changes in 1.0.1 (-Dcommon.exclude picks the variant). */
public final class Common {
  private Common() {}

  public static String text() {
    return Variant.TEXT;
  }
}
