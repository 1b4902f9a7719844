package it.sel.user;

public class UserApp {
  public static void main(String[] args) {
    System.out.println("user-service says hi");
  }
}
