package dev.dockyard.setting;

/**
 * A setting's value the user can fix; the message follows {@code <what failed>: '<bad value>' at
 * <where>; <how to fix>}, where naming the setting through {@link Setting}.
 */
public abstract class SettingException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String badValue;

  protected SettingException(String what, String badValue, String where, String fix) {
    super(what + ": '" + badValue + "' at " + where + "; " + fix);
    this.badValue = badValue;
  }

  /** The value as the user wrote it. */
  public String badValue() {
    return badValue;
  }
}
