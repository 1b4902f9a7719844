package it.relchg.one;

final class Greeting {
  static final String TEXT = "one v1";

  private Greeting() {}
}
