package dev.dockyard.registry;

/**
 * A credential source exists but cannot be read: a settings.xml password that does not decrypt, a
 * Docker credential helper that is missing or fails, an unreadable {@code config.json}. The message
 * names the source and how to fix it, never a secret.
 */
public final class CredentialLookupException extends RuntimeException {

  public CredentialLookupException(String message) {
    super(message);
  }

  public CredentialLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
