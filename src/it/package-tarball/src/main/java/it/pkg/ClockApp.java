package it.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

public class ClockApp {
  public static void main(String[] args) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ClockApp.class.getResourceAsStream("/clock.properties")) {
      p.load(in);
    }
    System.out.println("clock " + p.getProperty("face") + " " + String.join(" ", args));
  }
}
