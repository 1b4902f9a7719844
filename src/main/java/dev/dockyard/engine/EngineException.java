package dev.dockyard.engine;

/**
 * An image could not be built or pushed. {@link #userFixable()} separates what the user can fix
 * (configuration, Dockerfile, credentials, a rejected push) from what the environment broke (I/O,
 * an unreachable engine or registry).
 */
public class EngineException extends Exception {

  private final boolean userFixable;

  public EngineException(String message, boolean userFixable, Throwable cause) {
    super(message, cause);
    this.userFixable = userFixable;
  }

  public boolean userFixable() {
    return userFixable;
  }
}
