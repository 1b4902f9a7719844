package dev.dockyard.registry;

/**
 * A username and password for one registry, with where it came from; {@link #toString()} never
 * shows the password.
 *
 * @param username the user name
 * @param password the secret; never logged
 * @param source where it was found, e.g. {@code settings.xml <server> 'host:5000'}
 */
public record RegistryCredential(String username, String password, String source) {

  @Override
  public String toString() {
    return "credential for '" + username + "' from " + source;
  }
}
