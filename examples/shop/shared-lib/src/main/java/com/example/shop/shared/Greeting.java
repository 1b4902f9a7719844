package com.example.shop.shared;

public final class Greeting {
  private Greeting() {}

  public static String hello(String who) {
    return "Hello from " + who;
  }
}
