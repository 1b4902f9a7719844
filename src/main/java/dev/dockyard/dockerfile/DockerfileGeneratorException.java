package dev.dockyard.dockerfile;

/**
 * A plugin setting the generated Dockerfile cannot express; the message follows {@code <what
 * failed>: '<bad value>' at <POM element> / <-D property>; <how to fix>}.
 */
public class DockerfileGeneratorException extends Exception {

  private final String badValue;

  public DockerfileGeneratorException(String what, String badValue, String where, String fix) {
    super(what + ": '" + badValue + "' at " + where + "; " + fix);
    this.badValue = badValue;
  }

  public String badValue() {
    return badValue;
  }
}
