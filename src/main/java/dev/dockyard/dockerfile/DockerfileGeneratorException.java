package dev.dockyard.dockerfile;

/**
 * A setting the generated Dockerfile cannot express; the message follows {@code <what failed>:
 * '<bad value>' at <setting>; <how to fix>}, the setting named through {@link
 * dev.dockyard.setting.Setting} for the build tool's layer to word.
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
