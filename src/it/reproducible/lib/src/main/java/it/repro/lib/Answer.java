package it.repro.lib;

public final class Answer {
  private Answer() {}

  public static int value() {
    return 42;
  }
}
