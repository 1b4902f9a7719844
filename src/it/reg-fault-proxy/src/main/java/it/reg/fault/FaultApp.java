package it.reg.fault;

public class FaultApp {
  public static void main(String[] args) {
    System.out.println("pushed through a flaky network");
  }
}
