package dev.dockyard.dockerfile;

/**
 * A Dockerfile (or template) problem the user can fix; the message follows {@code <what failed>:
 * '<bad value>' at <file>:<line>; <how to fix>}.
 */
public class DockerfileException extends Exception {

  private final Location location;
  private final String badValue;

  public DockerfileException(String what, String badValue, Location location, String fix) {
    this(what, badValue, location, fix, null);
  }

  public DockerfileException(
      String what, String badValue, Location location, String fix, Throwable cause) {
    super(what + ": '" + badValue + "' at " + location + "; " + fix, cause);
    this.location = location;
    this.badValue = badValue;
  }

  public Location location() {
    return location;
  }

  public String badValue() {
    return badValue;
  }
}
