package com.example.shop.shipping;

import com.example.shop.shared.Greeting;

public class ShippingApp {
  public static void main(String[] args) {
    System.out.println(Greeting.hello("shipping-service") + " greeting=" + System.getenv("GREETING"));
  }
}
