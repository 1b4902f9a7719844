package dev.dockyard.maven;

/**
 * Core text as users read it: with the settings named in Maven's words, as the Maven layer does.
 */
public final class Rendered {

  private Rendered() {}

  /** The message of a core failure, rendered as {@link ErrorTranslator} renders it. */
  public static String message(Throwable failure) {
    return SettingNames.render(failure.getMessage());
  }

  /** A core text, rendered as the Maven log and summary render it. */
  public static String text(String core) {
    return SettingNames.render(core);
  }
}
