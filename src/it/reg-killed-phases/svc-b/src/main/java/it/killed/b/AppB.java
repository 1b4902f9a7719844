package it.killed.b;

public class AppB {
  public static void main(String[] args) throws Exception {
    String round = new String(AppB.class.getResourceAsStream("/round.txt").readAllBytes()).trim();
    System.out.println(it.killed.lib.Greeting.of("svc-b") + " " + round);
  }
}
