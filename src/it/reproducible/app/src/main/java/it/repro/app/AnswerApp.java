package it.repro.app;

public class AnswerApp {
  public static void main(String[] args) {
    System.out.println("answer=" + it.repro.lib.Answer.value());
  }
}
