package it.killed.lib;

public final class Greeting {
  private Greeting() {}

  public static String of(String name) {
    return name + " survived the kills";
  }
}
