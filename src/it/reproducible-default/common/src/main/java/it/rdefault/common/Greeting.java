package it.rdefault.common;

public final class Greeting {
  private Greeting() {}

  public static String of(String who) {
    return "hello " + who;
  }
}
