package it.rdefault.stamped;

import java.util.Properties;

public class StampedApp {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.load(StampedApp.class.getResourceAsStream("/stamp.properties"));
    System.out.println(it.rdefault.common.Greeting.of("stamped at " + p.getProperty("built")));
  }
}
