package it.sel.admin;

public class AdminApp {
  public static void main(String[] args) {
    System.out.println("user-admin says hi");
  }
}
