package it.drun.greeter;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

public class GreeterApp {
  public static void main(String[] args) throws IOException {
    Properties p = new Properties();
    try (InputStream in = new FileInputStream("/app/motd.properties")) {
      p.load(in);
    }
    boolean secret = Files.exists(Path.of("/app/config/secret.txt"));
    System.out.println(p.getProperty("greeting") + " " + p.getProperty("who") + " secret=" + secret);
  }
}
