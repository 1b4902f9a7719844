package com.example.shop.order;

import com.example.shop.shared.Greeting;

public class OrderApp {
  public static void main(String[] args) {
    System.out.println(Greeting.hello("order-service") + " mode=" + System.getenv("APP_MODE"));
  }
}
