package it.relchg.one;

final class Greeting {
  static final String TEXT = "one v2";

  private Greeting() {}
}
