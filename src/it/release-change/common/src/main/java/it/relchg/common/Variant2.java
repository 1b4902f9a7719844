package it.relchg.common;

final class Variant {
  static final String TEXT = "common v2";

  private Variant() {}
}
