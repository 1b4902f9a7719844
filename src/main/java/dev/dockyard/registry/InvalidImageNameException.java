package dev.dockyard.registry;

/**
 * An image name or tag that breaks the Docker reference grammar; the message follows {@code <what
 * failed>: '<bad value>' at <where>; <the rule in words>}.
 */
public class InvalidImageNameException extends Exception {

  private final String badValue;

  public InvalidImageNameException(String what, String badValue, String where, String rule) {
    super(what + ": '" + badValue + "' at " + where + "; " + rule);
    this.badValue = badValue;
  }

  public String badValue() {
    return badValue;
  }
}
