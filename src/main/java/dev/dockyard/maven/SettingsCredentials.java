package dev.dockyard.maven;

import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.RegistryCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The explicit part of the credential chain: a settings.xml {@code <server>} whose id is the
 * registry (with or without port, password decrypted), then {@code DOCKYARD_REGISTRY_USERNAME} and
 * {@code DOCKYARD_REGISTRY_PASSWORD}.
 */
final class SettingsCredentials implements Function<String, Optional<RegistryCredential>> {

  private final Settings settings;
  private final SettingsDecrypter decrypter;

  /** A file holding the password: unlike a variable, Maven's -X output never prints its content. */
  static final String PASSWORD_FILE = "DOCKYARD_REGISTRY_PASSWORD_FILE";

  private final Map<String, String> environment;

  SettingsCredentials(Settings settings, SettingsDecrypter decrypter, Map<String, String> env) {
    this.settings = settings;
    this.decrypter = decrypter;
    this.environment = env;
  }

  @Override
  public Optional<RegistryCredential> apply(String registry) {
    String normalized = registry.toLowerCase(Locale.ROOT);
    String host =
        normalized.contains(":") ? normalized.substring(0, normalized.indexOf(':')) : normalized;
    for (String id : new String[] {normalized, host}) {
      Server server = server(id);
      if (server != null && (server.getUsername() != null || server.getPassword() != null)) {
        requireBoth(server);
        return Optional.of(
            new RegistryCredential(
                server.getUsername(),
                decrypt(server),
                "settings.xml <server> '" + server.getId() + "'"));
      }
    }
    String user = environment.get("DOCKYARD_REGISTRY_USERNAME");
    if (user == null || user.isEmpty()) {
      return Optional.empty();
    }
    String password = environment.get("DOCKYARD_REGISTRY_PASSWORD");
    if (password != null) {
      return Optional.of(
          new RegistryCredential(
              user, password, "environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD"));
    }
    String file = environment.get(PASSWORD_FILE);
    if (file != null && !file.isBlank()) {
      return Optional.of(
          new RegistryCredential(
              user,
              passwordFrom(Path.of(file.trim())),
              "environment DOCKYARD_REGISTRY_USERNAME/"
                  + PASSWORD_FILE
                  + " '"
                  + file.trim()
                  + "'"));
    }
    throw new CredentialLookupException(
        "Registry credentials half set: DOCKYARD_REGISTRY_USERNAME is set but neither"
            + " DOCKYARD_REGISTRY_PASSWORD nor "
            + PASSWORD_FILE
            + " is; set one of them, or unset DOCKYARD_REGISTRY_USERNAME to use Docker's config");
  }

  /** The password a file holds, without the line end an editor or `echo` adds. */
  private static String passwordFrom(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CredentialLookupException(
          new FileProblem(null).describe("reading " + PASSWORD_FILE, e), e);
    }
  }

  private static void requireBoth(Server server) {
    String missing = server.getUsername() == null ? "<username>" : null;
    if (server.getPassword() == null) {
      missing = "<password>";
    }
    if (missing != null) {
      String has = missing.equals("<password>") ? "<username>" : "<password>";
      throw new CredentialLookupException(
          "Incomplete settings.xml <server>: '"
              + server.getId()
              + "' has a "
              + has
              + " but no "
              + missing
              + "; add the "
              + missing
              + " (mvn --encrypt-password encrypts a password), or remove the <server> to use"
              + " the next source of credentials");
    }
  }

  private Server server(String id) {
    if (settings == null) {
      return null;
    }
    for (Server server : settings.getServers()) {
      if (server.getId() != null && server.getId().toLowerCase(Locale.ROOT).equals(id)) {
        return server;
      }
    }
    return null;
  }

  private String decrypt(Server server) {
    if (decrypter == null || server.getPassword() == null) {
      return server.getPassword();
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        // The problem's message can quote the encrypted value; name the server and cause only.
        throw new CredentialLookupException(
            "Cannot decrypt the password of settings.xml <server>: '"
                + server.getId()
                + "' ("
                + describe(problem, server.getPassword())
                + "); check the master password in ~/.m2/settings-security.xml"
                + " (or -Dsettings.security) and re-encrypt the password with mvn"
                + " --encrypt-password");
      }
    }
    return result.getServer().getPassword();
  }

  private static String describe(SettingsProblem problem, String encrypted) {
    Throwable cause = problem.getException();
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return "decryption failed";
    }
    String message = cause.getMessage();
    boolean safe = message != null && !message.isBlank() && !message.contains(encrypted);
    return cause.getClass().getSimpleName() + (safe ? ": " + message : "");
  }
}
