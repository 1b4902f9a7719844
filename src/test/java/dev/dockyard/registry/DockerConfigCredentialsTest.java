package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

  @TempDir Path dir;

  private DockerConfigCredentials config(String json) throws IOException {
    Files.writeString(dir.resolve("config.json"), json);
    return new DockerConfigCredentials(
        dir.resolve("config.json"), Map.of("PATH", dir.resolve("bin").toString()));
  }

  private void helper(String name, String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = bin.resolve("docker-credential-" + name);
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String auth(String userColonPassword) {
    return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAuthsWhateverTheKeyIsSpelledAs() throws IOException {
    DockerConfigCredentials credentials =
        config(
            "{\"auths\":{\"https://nexus.corp:5000/v1/\":{\"auth\":\""
                + auth("ci:s3cr:et")
                + "\"}}}");

    RegistryCredential credential = credentials.lookup("nexus.corp:5000").orElseThrow();

    assertThat(credential.username()).isEqualTo("ci");
    assertThat(credential.password()).isEqualTo("s3cr:et");
    assertThat(credential.source())
        .isEqualTo(
            "Docker config "
                + dir.resolve("config.json")
                + " (auths 'https://nexus.corp:5000/v1/')");
    assertThat(credential.toString()).doesNotContain("s3cr:et");
  }

  @Test
  void readsAnIdentityTokenAsDockerDoesUnderTheUserNameToken() throws IOException {
    DockerConfigCredentials credentials =
        config("{\"auths\":{\"nexus.corp:5000\":{\"identitytoken\":\"tok-123\"}}}");

    RegistryCredential credential = credentials.lookup("nexus.corp:5000").orElseThrow();

    assertThat(credential.username()).isEqualTo(DockerConfigCredentials.IDENTITY_TOKEN_USER);
    assertThat(credential.password()).isEqualTo("tok-123");
    assertThat(credential.source())
        .isEqualTo(
            "Docker config "
                + dir.resolve("config.json")
                + " (auths 'nexus.corp:5000' identitytoken)");
  }

  @Test
  void findsNothingForAnotherRegistryOrWithoutAFile() throws IOException {
    assertThat(
            config("{\"auths\":{\"a.corp\":{\"auth\":\"" + auth("u:p") + "\"}}}").lookup("b.corp"))
        .isEmpty();
    assertThat(new DockerConfigCredentials(dir.resolve("none.json"), Map.of()).lookup("a.corp"))
        .isEmpty();
  }

  @Test
  void prefersTheRegistrysCredentialHelperOverAuths() throws IOException {
    helper(
        "corp",
        "read server; echo \"{\\\"Username\\\":\\\"helper-user\\\",\\\"Secret\\\":\\\"from-$server\\\"}\"");
    DockerConfigCredentials credentials =
        config(
            "{\"auths\":{\"a.corp\":{\"auth\":\""
                + auth("file-user:p")
                + "\"}},\"credHelpers\":{\"a.corp\":\"corp\"}}");

    RegistryCredential credential = credentials.lookup("a.corp").orElseThrow();

    assertThat(credential.username()).isEqualTo("helper-user");
    assertThat(credential.password()).isEqualTo("from-a.corp");
    assertThat(credential.source())
        .startsWith("Docker credential helper docker-credential-corp (credHelpers in ");
  }

  @Test
  void fallsBackToAuthsWhenTheStoreHasNoEntry() throws IOException {
    helper("store", "echo 'credentials not found in native keychain'; exit 1");
    DockerConfigCredentials credentials =
        config(
            "{\"credsStore\":\"store\",\"auths\":{\"a.corp\":{\"auth\":\"" + auth("u:p") + "\"}}}");

    assertThat(credentials.lookup("a.corp").orElseThrow().username()).isEqualTo("u");
  }

  @Test
  void namesAMissingHelper() throws IOException {
    DockerConfigCredentials credentials = config("{\"credsStore\":\"vault\"}");

    assertThatThrownBy(() -> credentials.lookup("a.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Docker credential helper not found: 'docker-credential-vault' named by credsStore in "
                            + dir.resolve("config.json")
                            + " is not on the PATH; install it, or remove that entry from the config"));
  }

  @Test
  void reportsAFailingHelperWithItsExitCodeAndHowToRunItByHand() throws IOException {
    helper("broken", "echo 'vault sealed' >&2; exit 4");
    DockerConfigCredentials credentials = config("{\"credHelpers\":{\"a.corp\":\"broken\"}}");

    assertThatThrownBy(() -> credentials.lookup("a.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Docker credential helper failed: 'docker-credential-broken get' exited 4 for"
                            + " registry 'a.corp' (credHelpers in "
                            + dir.resolve("config.json")
                            + "); its output is not shown, it may hold the secret: run 'echo a.corp |"
                            + " docker-credential-broken get' by hand to see why, then docker login a.corp,"
                            + " or fix that entry"));
  }

  @Test
  void treatsDockerHubNamesAsOneRegistry() {
    assertThat(DockerConfigCredentials.normalize("https://index.docker.io/v1/"))
        .isEqualTo("index.docker.io");
    assertThat(
            DockerConfigCredentials.matchingKey(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode()
                    .put("https://index.docker.io/v1/", "x"),
                "registry-1.docker.io"))
        .isEqualTo("https://index.docker.io/v1/");
  }

  @Test
  void neverQuotesWhatAFailingHelperWroteToEitherStream() throws IOException {
    // The JSON a helper prints holds the secret; the old error quoted its first line.
    String secret = "hunter2-secret";
    helper(
        "leaky",
        "echo '{\"Username\":\"ci\",\"Secret\":\""
            + secret
            + "\"}'\n"
            + "echo 'token "
            + secret
            + " rejected' >&2\nexit 4");
    DockerConfigCredentials credentials = config("{\"credHelpers\":{\"nexus.corp\":\"leaky\"}}");

    assertThatThrownBy(() -> credentials.lookup("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith(
                        "Docker credential helper failed: 'docker-credential-leaky get' exited 4 for"
                            + " registry 'nexus.corp'"))
        .message()
        .doesNotContain(secret);
  }

  @Test
  void neverQuotesAnAnswerThatIsNoJson() throws IOException {
    helper("garbled", "echo 'Secret: hunter2-secret'");
    DockerConfigCredentials credentials = config("{\"credHelpers\":{\"nexus.corp\":\"garbled\"}}");

    assertThatThrownBy(() -> credentials.lookup("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Docker credential helper answered no JSON object: 'docker-credential-garbled get'"
                            + " for registry 'nexus.corp' (credHelpers in "
                            + dir.resolve("config.json")
                            + "); run 'echo nexus.corp | docker-credential-garbled get' by hand and check"
                            + " that it prints {\"Username\":...,\"Secret\":...}"))
        .hasNoCause()
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void timesOutAHelperThatHangsWithItsOutputOpen() throws IOException {
    helper("hangs", "echo partial\nsleep 30");
    Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"nexus.corp\":\"hangs\"}}");
    DockerConfigCredentials credentials =
        new DockerConfigCredentials(
            dir.resolve("config.json"),
            Map.of("PATH", dir.resolve("bin").toString()),
            Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThatThrownBy(() -> credentials.lookup("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Docker credential helper timed out: 'docker-credential-hangs get' gave no answer for"
                            + " registry 'nexus.corp' within 1s (credHelpers in "
                            + dir.resolve("config.json")
                            + "); run 'echo nexus.corp | docker-credential-hangs get' by hand: it must answer"
                            + " without a prompt (a locked keychain waits for one), or allow it longer with"
                            + " <credentialHelperTimeout>/-Ddockyard.credentialHelperTimeout=<seconds>"));
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
  }

  @Test
  void neverWaitsForAChildThatKeepsTheHelpersOutputOpen() throws IOException {
    // The helper exits at once; what it started holds standard output open for 30 s. Whether the
    // JVM closes the pipe when the helper ends or the read waits for the timeout, the lookup ends.
    helper("forks", "(sleep 30) &\nexit 0");
    Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"nexus.corp\":\"forks\"}}");
    DockerConfigCredentials credentials =
        new DockerConfigCredentials(
            dir.resolve("config.json"),
            Map.of("PATH", dir.resolve("bin").toString()),
            Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThatThrownBy(() -> credentials.lookup("nexus.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .satisfies(
            thrown -> assertThat(Rendered.message(thrown)).startsWith("Docker credential helper "))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown)).contains("'docker-credential-forks get'"));
    assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(10);
  }
}
