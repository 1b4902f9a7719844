package it.killed.a;

public class AppA {
  public static void main(String[] args) throws Exception {
    String round = new String(AppA.class.getResourceAsStream("/round.txt").readAllBytes()).trim();
    System.out.println(it.killed.lib.Greeting.of("svc-a") + " " + round);
  }
}
