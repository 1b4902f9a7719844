package it.sel.order;

public class OrderApp {
  public static void main(String[] args) {
    System.out.println("order-service says hi");
  }
}
