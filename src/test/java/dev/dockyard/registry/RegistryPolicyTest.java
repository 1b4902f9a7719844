package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.maven.Rendered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPolicyTest {

  @TempDir Path dir;

  private DockerConfigCredentials dockerConfig() throws IOException {
    String auth =
        Base64.getEncoder().encodeToString("docker-user:p".getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("config.json"), "{\"auths\":{\"a.corp:5000\":{\"auth\":\"" + auth + "\"}}}");
    return new DockerConfigCredentials(dir.resolve("config.json"), Map.of());
  }

  @Test
  void theExplicitChainWinsOverDockerConfig() throws IOException {
    RegistryCredential settings = new RegistryCredential("maven-user", "p", "settings.xml");
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of(), Map.of(), r -> Optional.of(settings), dockerConfig(), CaCertificates.none());

    assertThat(policy.credentialFor("a.corp:5000")).contains(settings);
  }

  @Test
  void dockerConfigServesWhatTheExplicitChainLacks() throws IOException {
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of(), Map.of(), r -> Optional.empty(), dockerConfig(), CaCertificates.none());

    assertThat(policy.credentialFor("a.corp:5000").orElseThrow().username())
        .isEqualTo("docker-user");
    assertThat(policy.credentialFor("b.corp")).isEmpty();
  }

  @Test
  void looksEachRegistryUpOnce() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of(),
            Map.of(),
            r -> {
              calls.incrementAndGet();
              return Optional.empty();
            },
            dockerConfig(),
            CaCertificates.none());

    policy.credentialFor("a.corp:5000");
    policy.credentialFor("A.corp:5000");

    assertThat(calls).hasValue(1);
  }

  @Test
  void allowsInsecureOnlyListedRegistriesAndLoopbackNames() {
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of("nexus.corp:5000", "plain.corp"),
            Map.of(),
            r -> Optional.empty(),
            null,
            CaCertificates.none());

    assertThat(policy.isInsecure("nexus.corp:5000")).isTrue();
    assertThat(policy.isInsecure("nexus.corp:5001")).isFalse();
    assertThat(policy.isInsecure("plain.corp:8080")).isTrue();
    assertThat(policy.isInsecure("127.0.0.1:5443")).isTrue();
    assertThat(policy.isInsecure("localhost")).isTrue();
    assertThat(policy.isInsecure("127.0.0.2:5543")).isFalse();
    assertThat(policy.isInsecure("registry.corp")).isFalse();
  }

  @Test
  void namesEverySourceItLookedIn() {
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of(),
            Map.of(),
            r -> Optional.empty(),
            new DockerConfigCredentials(Path.of("/home/ci/.docker/config.json"), Map.of()),
            CaCertificates.none());

    assertThat(Rendered.text(policy.credentialSources("a.corp:5000")))
        .isEqualTo(
            "settings.xml <server> 'a.corp:5000' or 'a.corp',"
                + " DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD,"
                + " Docker config /home/ci/.docker/config.json");
  }

  @Test
  void rewritesDockerHubThroughAMirror() {
    RegistryPolicy policy =
        new RegistryPolicy(
            List.of(),
            Map.of("docker.io", "nexus.corp:5000/hub/"),
            r -> Optional.empty(),
            null,
            CaCertificates.none());

    assertThat(policy.mirrored("registry-1.docker.io", "library/eclipse-temurin"))
        .isEqualTo("nexus.corp:5000/hub/library/eclipse-temurin");
    assertThat(policy.mirrored("quay.io", "x/y")).isNull();
  }
}
