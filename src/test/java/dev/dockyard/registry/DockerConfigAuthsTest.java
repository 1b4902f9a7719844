package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code auths} section of Docker's config and a config that cannot be read. */
class DockerConfigAuthsTest {

  @TempDir Path dir;

  private DockerConfigCredentials config(String json) throws IOException {
    Files.writeString(dir.resolve("config.json"), json);
    return new DockerConfigCredentials(
        dir.resolve("config.json"), Map.of("PATH", dir.resolve("bin").toString()));
  }

  private static String auth(String userColonPassword) {
    return Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesTheLineAndColumnOfInvalidJsonButNoneOfItsText() throws IOException {
    DockerConfigCredentials credentials =
        config("{\n  \"auths\": {\"a.corp\": {\"auth\": \"" + auth("u:s3cret") + "\"},,}}");

    assertThatThrownBy(() -> credentials.lookup("a.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessageStartingWith(
            "Cannot read Docker config: '"
                + dir.resolve("config.json")
                + "' is not valid JSON at line 2, column ")
        .hasMessageEndingWith(
            "; fix or remove the file (docker login writes it anew), or point DOCKER_CONFIG at"
                + " another directory")
        .hasMessageNotContaining(auth("u:s3cret"))
        .hasNoCause();
  }

  @Test
  void rejectsAnAuthThatIsNotBase64() throws IOException {
    DockerConfigCredentials credentials = config("{\"auths\":{\"a.corp\":{\"auth\":\"%%%\"}}}");

    assertThatThrownBy(() -> credentials.lookup("a.corp"))
        .isInstanceOf(CredentialLookupException.class)
        .hasMessage(
            "Cannot read Docker config: auths entry 'a.corp' in "
                + dir.resolve("config.json")
                + " is not base64; run docker login a.corp again");
  }

  @Test
  void findsNothingInAnAuthWithoutUserName() throws IOException {
    assertThat(
            config("{\"auths\":{\"a.corp\":{\"auth\":\"" + auth(":p") + "\"}}}").lookup("a.corp"))
        .isEmpty();
    assertThat(
            config("{\"auths\":{\"a.corp\":{\"auth\":\"" + auth("up") + "\"}}}").lookup("a.corp"))
        .isEmpty();
  }

  @Test
  void findsNothingInAnEntryWithNeitherAuthNorToken() throws IOException {
    assertThat(config("{\"auths\":{\"a.corp\":{}}}").lookup("a.corp")).isEmpty();
  }

  @Test
  void findsNothingInAConfigThatIsNoObject() throws IOException {
    assertThat(config("[]").lookup("a.corp")).isEmpty();
  }
}
