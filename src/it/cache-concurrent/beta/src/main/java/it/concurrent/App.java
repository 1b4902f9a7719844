package it.concurrent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

public class App {
  public static void main(String[] args) throws IOException {
    try (InputStream in = App.class.getResourceAsStream("/round.txt")) {
      System.out.println(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    }
  }
}
