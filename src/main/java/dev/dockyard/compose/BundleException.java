package dev.dockyard.compose;

/** The release bundle cannot be written: the message says what, where and how to fix it. */
public final class BundleException extends Exception {

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
