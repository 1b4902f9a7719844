package it.shop.billing;

import it.shop.shared.Greeting;

public class BillingApp {
  public static void main(String[] args) {
    System.out.println(Greeting.hello("billing-service") + " greeting=" + System.getenv("GREETING"));
  }
}
