package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.RegistryCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsCredentialsTest {

  private static Settings settings(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  @Test
  void takesTheServerWhoseIdIsTheRegistryHost() {
    SettingsCredentials credentials =
        new SettingsCredentials(settings("nexus.corp", "ci", "s3cret"), null, Map.of());

    assertThat(credentials.apply("nexus.corp:5000").orElseThrow().source())
        .isEqualTo("settings.xml <server> 'nexus.corp'");
  }

  @Test
  void rejectsAServerWithAUserNameButNoPassword() {
    SettingsCredentials credentials =
        new SettingsCredentials(settings("nexus.corp:5000", "ci", null), null, Map.of());

    assertThatThrownBy(() -> credentials.apply("nexus.corp:5000"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessage(
            "Incomplete settings.xml <server>: 'nexus.corp:5000' has a <username> but no"
                + " <password>; add the <password> (mvn --encrypt-password encrypts a password),"
                + " or remove the <server> to use the next source of credentials");
  }

  @Test
  void rejectsAServerWithAPasswordButNoUserName() {
    SettingsCredentials credentials =
        new SettingsCredentials(settings("nexus.corp", null, "s3cret"), null, Map.of());

    assertThatThrownBy(() -> credentials.apply("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessage(
            "Incomplete settings.xml <server>: 'nexus.corp' has a <password> but no"
                + " <username>; add the <username> (mvn --encrypt-password encrypts a password),"
                + " or remove the <server> to use the next source of credentials")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void rejectsAUserNameFromTheEnvironmentWithoutPassword() {
    SettingsCredentials credentials =
        new SettingsCredentials(new Settings(), null, Map.of("DOCKYARD_REGISTRY_USERNAME", "ci"));

    assertThatThrownBy(() -> credentials.apply("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessage(
            "Registry credentials half set: DOCKYARD_REGISTRY_USERNAME is set but neither"
                + " DOCKYARD_REGISTRY_PASSWORD nor DOCKYARD_REGISTRY_PASSWORD_FILE is; set one of"
                + " them, or unset DOCKYARD_REGISTRY_USERNAME to use Docker's config");
  }

  @Test
  void readsThePasswordFromTheFileTheEnvironmentNames(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "s3cret\n");
    SettingsCredentials credentials =
        new SettingsCredentials(
            new Settings(),
            null,
            Map.of(
                "DOCKYARD_REGISTRY_USERNAME",
                "ci",
                "DOCKYARD_REGISTRY_PASSWORD_FILE",
                file.toString()));

    RegistryCredential credential = credentials.apply("nexus.corp").orElseThrow();
    assertThat(credential.password()).isEqualTo("s3cret");
    assertThat(credential.source())
        .isEqualTo(
            "environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD_FILE '"
                + file
                + "'");
  }

  @Test
  void namesAPasswordFileThatIsMissing() {
    SettingsCredentials credentials =
        new SettingsCredentials(
            new Settings(),
            null,
            Map.of(
                "DOCKYARD_REGISTRY_USERNAME",
                "ci",
                "DOCKYARD_REGISTRY_PASSWORD_FILE",
                "/run/secrets/none"));

    assertThatThrownBy(() -> credentials.apply("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessage(
            "File access failed: reading DOCKYARD_REGISTRY_PASSWORD_FILE: '/run/secrets/none' does"
                + " not exist; check the path, or run mvn clean and build again");
  }
}
