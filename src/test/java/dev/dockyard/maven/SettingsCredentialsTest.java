package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.registry.CredentialLookupException;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

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
            "Registry credentials half set: DOCKYARD_REGISTRY_USERNAME is set but"
                + " DOCKYARD_REGISTRY_PASSWORD is not; set both, or unset"
                + " DOCKYARD_REGISTRY_USERNAME to use Docker's config");
  }
}
