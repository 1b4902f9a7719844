package it.rdefault.orders;

import java.util.Properties;

public class OrdersApp {
  public static void main(String[] args) throws Exception {
    Properties p = new Properties();
    p.load(OrdersApp.class.getResourceAsStream("/orders.properties"));
    System.out.println(it.rdefault.common.Greeting.of(p.getProperty("name")));
  }
}
