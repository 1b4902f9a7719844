package com.example.shop.user;

import com.example.shop.shared.Greeting;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Properties;

public class UserApp {
  public static void main(String[] args) throws IOException {
    Properties config = new Properties();
    try (FileInputStream in = new FileInputStream(System.getenv("APP_CONFIG"))) {
      config.load(in);
    }
    System.out.println(
        Greeting.hello("user-service")
            + " greeting="
            + config.getProperty("greeting")
            + " tz="
            + System.getenv("TZ"));
  }
}
