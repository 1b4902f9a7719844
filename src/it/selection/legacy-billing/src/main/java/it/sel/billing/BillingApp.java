package it.sel.billing;

public class BillingApp {
  public static void main(String[] args) {
    System.out.println("legacy-billing says hi");
  }
}
