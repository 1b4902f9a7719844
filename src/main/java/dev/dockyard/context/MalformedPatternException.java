package dev.dockyard.context;

/**
 * A {@code .dockerignore} pattern that Docker refuses; the message says why and how to write it
 * instead, and is the fix part of the error users read.
 */
final class MalformedPatternException extends Exception {

  MalformedPatternException(String reasonAndFix) {
    super(reasonAndFix);
  }
}
