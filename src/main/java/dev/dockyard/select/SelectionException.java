package dev.dockyard.select;

/**
 * A {@code dockyard.modules} value the user can fix; the message follows {@code <what failed>:
 * '<bad value>' at <where>; <how to fix>}.
 */
public class SelectionException extends Exception {

  private final String badValue;

  public SelectionException(String what, String badValue, String where, String fix) {
    super(what + ": '" + badValue + "' at " + where + "; " + fix);
    this.badValue = badValue;
  }

  public String badValue() {
    return badValue;
  }
}
