package dev.dockyard.maven;

/**
 * A core failure as Maven shows it in a cause chain: its message with the settings named in Maven's
 * words ({@link SettingNames}), its type's name, stack trace and causes kept, so that Maven's
 * report and {@code -e} print what the user would read, never a setting's marker.
 */
final class NamedCause extends Exception {

  private static final long serialVersionUID = 1L;

  private final String type;

  private NamedCause(Throwable original, String message, Throwable cause) {
    super(message, cause, true, true);
    this.type = original.getClass().getName();
    setStackTrace(original.getStackTrace());
    for (Throwable suppressed : original.getSuppressed()) {
      addSuppressed(of(suppressed));
    }
  }

  /**
   * The failure with every message of its chain in Maven's words: the failure itself when no
   * message of the chain names a setting.
   */
  static Throwable of(Throwable failure) {
    if (failure == null || !namesASetting(failure)) {
      return failure;
    }
    return new NamedCause(
        failure, SettingNames.render(failure.getMessage()), of(failure.getCause()));
  }

  private static boolean namesASetting(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(SettingNames.render(message))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** As the original would print itself: its type's name, then the message. */
  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? type : type + ": " + message;
  }
}
