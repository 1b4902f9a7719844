package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

  @TempDir Path home;

  private EngineLocator locator(Map<String, String> env) {
    return new EngineLocator(env, home, home.resolve("var-run-docker.sock"));
  }

  @Test
  void dockerHostWinsOverContextsAndSockets() throws Exception {
    writeContext("remote", "tcp://10.0.0.1:2376");
    Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"remote\"}");
    Files.createFile(home.resolve("var-run-docker.sock"));

    EngineEndpoint endpoint =
        locator(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")).locate();

    assertThat(endpoint.host()).isEqualTo("unix:///run/user/1000/docker.sock");
    assertThat(endpoint.source()).isEqualTo("DOCKER_HOST");
    assertThat(endpoint.tlsVerify()).isFalse();
  }

  @Test
  void tlsFromDockerTlsVerifyAndCertPath() throws Exception {
    EngineEndpoint endpoint =
        locator(
                Map.of(
                    "DOCKER_HOST", "tcp://build.corp:2376",
                    "DOCKER_TLS_VERIFY", "1",
                    "DOCKER_CERT_PATH", "/etc/docker-certs"))
            .locate();

    assertThat(endpoint.tlsVerify()).isTrue();
    assertThat(endpoint.certPath()).isEqualTo(Path.of("/etc/docker-certs"));
  }

  @Test
  void tlsCertPathDefaultsToTheDockerFolder() throws Exception {
    EngineEndpoint endpoint =
        locator(Map.of("DOCKER_HOST", "tcp://build.corp:2376", "DOCKER_TLS_VERIFY", "1")).locate();

    assertThat(endpoint.certPath()).isEqualTo(home.resolve(".docker"));
  }

  @Test
  void dockerContextVariableNamesTheContextByItsHashedFolder() throws Exception {
    writeContext("builder", "tcp://builder.corp:2376");

    EngineEndpoint endpoint = locator(Map.of("DOCKER_CONTEXT", "builder")).locate();

    assertThat(endpoint.host()).isEqualTo("tcp://builder.corp:2376");
    assertThat(endpoint.source()).isEqualTo("Docker context 'builder'");
  }

  @Test
  void currentContextOfConfigJsonIsUsedWhenNothingElseIsSet() throws Exception {
    writeContext("desktop-linux", "unix:///home/me/.docker/desktop/docker.sock");
    Files.writeString(
        home.resolve(".docker/config.json"), "{\"currentContext\": \"desktop-linux\"}");

    EngineEndpoint endpoint = locator(Map.of()).locate();

    assertThat(endpoint.host()).isEqualTo("unix:///home/me/.docker/desktop/docker.sock");
  }

  @Test
  void contextWithTlsFilesVerifiesUnlessSkipTlsVerify() throws Exception {
    Path meta = writeContext("secure", "tcp://secure.corp:2376");
    Path tls =
        home.resolve(".docker/contexts/tls")
            .resolve(EngineLocator.sha256("secure"))
            .resolve("docker");
    Files.createDirectories(tls);

    EngineEndpoint endpoint = locator(Map.of("DOCKER_CONTEXT", "secure")).locate();

    assertThat(endpoint.tlsVerify()).isTrue();
    assertThat(endpoint.certPath()).isEqualTo(tls);
    assertThat(meta).exists();
  }

  @Test
  void dockerConfigVariableMovesConfigAndContexts() throws Exception {
    Path elsewhere = home.resolve("elsewhere");
    Path meta =
        elsewhere.resolve("contexts/meta").resolve(EngineLocator.sha256("ci")).resolve("meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(meta, contextJson("ci", "tcp://ci.corp:2375"));

    EngineEndpoint endpoint =
        locator(Map.of("DOCKER_CONFIG", elsewhere.toString(), "DOCKER_CONTEXT", "ci")).locate();

    assertThat(endpoint.host()).isEqualTo("tcp://ci.corp:2375");
  }

  @Test
  void defaultContextMeansTheDefaultSockets() throws Exception {
    Files.createFile(home.resolve("var-run-docker.sock"));

    EngineEndpoint endpoint = locator(Map.of("DOCKER_CONTEXT", "default")).locate();

    assertThat(endpoint.host()).isEqualTo("unix://" + home.resolve("var-run-docker.sock"));
  }

  @Test
  void firstExistingDefaultSocketIsUsedRootlessLast() throws Exception {
    Path runtime = home.resolve("run-user-1000");
    Files.createDirectories(runtime);
    Files.createFile(runtime.resolve("docker.sock"));

    EngineEndpoint endpoint = locator(Map.of("XDG_RUNTIME_DIR", runtime.toString())).locate();

    assertThat(endpoint.host()).isEqualTo("unix://" + runtime.resolve("docker.sock"));
    assertThat(endpoint.lookedAt())
        .containsExactly(
            "DOCKER_HOST (not set)",
            "Docker context (none current)",
            home.resolve("var-run-docker.sock").toString(),
            home.resolve(".docker/run/docker.sock").toString(),
            runtime.resolve("docker.sock").toString());
  }

  @Test
  void userSocketOfDockerDesktopComesBeforeRootless() throws Exception {
    Files.createDirectories(home.resolve(".docker/run"));
    Files.createFile(home.resolve(".docker/run/docker.sock"));

    EngineEndpoint endpoint = locator(Map.of()).locate();

    assertThat(endpoint.host()).isEqualTo("unix://" + home.resolve(".docker/run/docker.sock"));
  }

  @Test
  void noSocketAnywhereStillNamesTheSystemSocketAndEveryPlaceLooked() throws Exception {
    EngineEndpoint endpoint = locator(Map.of()).locate();

    assertThat(endpoint.host()).isEqualTo("unix://" + home.resolve("var-run-docker.sock"));
    assertThat(endpoint.source()).isEqualTo("default socket (none exists)");
    assertThat(endpoint.lookedAt()).hasSize(4);
  }

  @Test
  void rejectsAContextThatDoesNotExist() {
    assertThatThrownBy(() -> locator(Map.of("DOCKER_CONTEXT", "gone")).locate())
        .isInstanceOf(EngineLocator.EngineConfigException.class)
        .hasMessageStartingWith("Docker context not found: 'gone' named by DOCKER_CONTEXT has no ")
        .hasMessageEndingWith(
            "; create it with docker context create, or unset DOCKER_CONTEXT, or set"
                + " DOCKER_HOST");
  }

  @Test
  void hashesContextNamesAsTheDockerCli() {
    // sha256("default"), as the CLI names the folder of a context called "default"
    assertThat(EngineLocator.sha256("default"))
        .isEqualTo("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
  }

  private Path writeContext(String name, String host) throws IOException {
    Path meta =
        home.resolve(".docker/contexts/meta")
            .resolve(EngineLocator.sha256(name))
            .resolve("meta.json");
    Files.createDirectories(meta.getParent());
    Files.writeString(meta, contextJson(name, host));
    return meta;
  }

  private static String contextJson(String name, String host) {
    return "{\"Name\":\""
        + name
        + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
        + host
        + "\",\"SkipTLSVerify\":false}}}";
  }
}
