package it.layers.a;

import com.google.common.base.Joiner;

public class App {
  public static void main(String[] args) {
    System.out.println(Joiner.on(' ').join("service-a", "uses", "guava"));
  }
}
