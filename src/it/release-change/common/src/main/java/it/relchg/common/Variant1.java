package it.relchg.common;

final class Variant {
  static final String TEXT = "common v1";

  private Variant() {}
}
