package dev.dockyard.dockerfile;

/** A place in a Dockerfile, printed as {@code file:line} in every error users read. */
public record Location(String file, int line) {

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
