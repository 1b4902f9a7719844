package dev.dockyard.select;

import java.util.Objects;

/**
 * Whether one module becomes an image, with a one-line reason fit for the build log and the reactor
 * summary; a skip reason also says how to undo it.
 *
 * @param image true when the module becomes an image
 * @param reason why, in one line
 */
public record Decision(boolean image, String reason) {

  public Decision {
    Objects.requireNonNull(reason, "reason");
  }

  /** The module becomes an image. */
  public static Decision imageBecause(String reason) {
    return new Decision(true, reason);
  }

  /** The module is skipped. */
  public static Decision skippedBecause(String reason) {
    return new Decision(false, reason);
  }
}
