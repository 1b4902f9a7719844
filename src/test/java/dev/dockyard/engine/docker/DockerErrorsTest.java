package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.DockerfileParser;
import dev.dockyard.engine.EngineException;
import dev.dockyard.maven.Rendered;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

  private static final String RUN_WHY =
      "RUN at src/main/docker/Dockerfile:3 (RUN executes commands in a container)";
  private static final String FORCED_WHY = "<engine>docker/-Ddockyard.engine=docker";
  private static final String IMAGE = "registry.test/team/app";

  @Test
  void aMissingSocketSaysNoEngineAnswersAndHowToBuildWithoutOne() {
    EngineEndpoint endpoint =
        new EngineEndpoint(
            "unix:///tmp/nonexistent.sock",
            false,
            null,
            "DOCKER_HOST",
            List.of("DOCKER_HOST=unix:///tmp/nonexistent.sock"));
    RuntimeException down = new RuntimeException(new SocketException("No such file or directory"));

    EngineException error = DockerErrors.engineDown(endpoint, down, "down-service", RUN_WHY);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "No Docker engine answers at 'unix:///tmp/nonexistent.sock' (from DOCKER_HOST): No"
                            + " such file or directory; needed for down-service by "
                            + RUN_WHY
                            + "; looked at: DOCKER_HOST=unix:///tmp/nonexistent.sock; start the engine, or"
                            + " point DOCKER_HOST at a running one (unix:///var/run/docker.sock, or"
                            + " tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or select a"
                            + " Docker context; without an engine, remove the instruction to build daemonless"
                            + " (-Ddockyard.engine=auto)"))
        .hasCause(down);
    assertThat(error.userFixable()).isFalse();
  }

  @Test
  void aRefusedConnectionGivesTheRefusalAsTheReason() {
    EngineEndpoint endpoint =
        new EngineEndpoint(
            "tcp://engine.test:2376", true, null, "context ci", List.of("context ci", "a", "b"));
    RuntimeException down = new RuntimeException(new ConnectException("Connection refused"));

    EngineException error = DockerErrors.engineDown(endpoint, down, "app", FORCED_WHY);

    assertThat(Rendered.message(error))
        .startsWith(
            "No Docker engine answers at 'tcp://engine.test:2376' (from context ci): Connection"
                + " refused; needed for app by "
                + FORCED_WHY
                + "; looked at: context ci, a, b; start the engine")
        .endsWith("; or build daemonless with -Ddockyard.engine=auto");
  }

  @Test
  void aSocketWithoutPermissionSaysToJoinTheDockerGroup() {
    EngineEndpoint endpoint =
        new EngineEndpoint(
            "unix:///var/run/docker.sock",
            false,
            null,
            "the default",
            List.of("DOCKER_HOST (not set)", "unix:///var/run/docker.sock"));
    RuntimeException down =
        new RuntimeException("connect failed", new AccessDeniedException("/var/run/docker.sock"));

    EngineException error = DockerErrors.engineDown(endpoint, down, "app", FORCED_WHY);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Docker engine socket not accessible: 'unix:///var/run/docker.sock' (from the"
                            + " default): permission denied; needed for app by "
                            + FORCED_WHY
                            + "; looked at: DOCKER_HOST (not set), unix:///var/run/docker.sock; add your user"
                            + " to the docker group, or point DOCKER_HOST at an engine you may use; or build"
                            + " daemonless with -Ddockyard.engine=auto"));
    assertThat(error.userFixable()).isFalse();
  }

  @Test
  void aBuildTheEngineRefusesNamesTheEnginesWordsAndTheDockerfile() {
    InternalServerErrorException refused =
        new InternalServerErrorException(
            "{\"message\":\"dockerfile parse error line 3: unknown instruction: FORM\"}\n");

    EngineException error = DockerErrors.buildRefused(IMAGE, "src/main/docker/Dockerfile", refused);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "The Docker engine refused the build of registry.test/team/app: 'Status 500:"
                            + " {\"message\":\"dockerfile parse error line 3: unknown instruction: FORM\"}';"
                            + " check the Dockerfile src/main/docker/Dockerfile"))
        .hasCause(refused);
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void aPushTheRegistryForbidsAsksForPushRights() {
    EngineException error =
        DockerErrors.pushFailed(
            IMAGE,
            "1.0",
            "denied: 403 Forbidden: requested access to the resource is denied",
            null);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Registry denied the push (403 Forbidden) of registry.test/team/app:1.0: the account"
                            + " lacks push permission on that repository; ask for push rights, or push to"
                            + " another <namespace>/-Ddockyard.namespace"))
        .hasNoCause();
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void aPushWithoutCredentialsSaysWhereCredentialsComeFrom() {
    InternalServerErrorException unauthorized =
        new InternalServerErrorException("unauthorized: authentication required\n");

    EngineException error =
        DockerErrors.pushFailed(IMAGE, "1.0", unauthorized.getMessage(), unauthorized);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Registry refused the push of registry.test/team/app:1.0: 'Status 500: unauthorized:"
                            + " authentication required'; set a <server> in settings.xml whose id is the"
                            + " registry host, or DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or"
                            + " docker login"))
        .hasCause(unauthorized);
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void anyOtherPushFailureIsTheEnvironmentsAndNamesInsecureRegistries() {
    NotFoundException notFound =
        new NotFoundException("An image does not exist locally with the tag: " + IMAGE);

    EngineException error = DockerErrors.pushFailed(IMAGE, "1.0", notFound.getMessage(), notFound);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Pushing registry.test/team/app:1.0 failed: 'Status 404: An image does not exist"
                            + " locally with the tag: registry.test/team/app'; check that the registry runs"
                            + " and that the engine may reach it (an HTTP registry must be in the engine's"
                            + " insecure-registries)"))
        .hasCause(notFound);
    assertThat(error.userFixable()).isFalse();
  }

  @Test
  void aFailedRunStepGivesTheExitCodeTheLineAndTheStepsLastOutput() throws Exception {
    Dockerfile dockerfile =
        DockerfileParser.parse(
            "FROM eclipse-temurin:17\nRUN ./build.sh\n", "src/main/docker/Dockerfile");
    BuildStream stream =
        EngineOutput.build(
            "{\"stream\":\"Step 1/2 : FROM eclipse-temurin:17\\n\"}",
            "{\"stream\":\" ---> 5a1b2c3d\\n\"}",
            "{\"stream\":\"Step 2/2 : RUN ./build.sh\\n\"}",
            "{\"stream\":\" ---> Running in 0f1e2d3c\\n\"}",
            "{\"stream\":\"checking the locale\\n\"}",
            "{\"stream\":\"locale xx_YY not found\"}",
            "{\"errorDetail\":{\"code\":2,\"message\":\"The command '/bin/sh -c ./build.sh'"
                + " returned a non-zero code: 2\"},\"error\":\"The command '/bin/sh -c"
                + " ./build.sh' returned a non-zero code: 2\"}");

    EngineException error = DockerErrors.buildFailed(stream, dockerfile);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "RUN step failed with exit code 2: 'RUN ./build.sh' at src/main/docker/Dockerfile:2;"
                            + " fix the command (it runs in the image being built)\n"
                            + "Last output of the step:\n"
                            + "  checking the locale\n"
                            + "  locale xx_YY not found"))
        .hasNoCause();
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void aMissingBaseImageNamesTheFromLine() throws Exception {
    Dockerfile dockerfile =
        DockerfileParser.parse(
            "FROM 127.0.0.1:5000/base/does-not-exist:1\nRUN true\n", "src/main/docker/Dockerfile");
    BuildStream stream =
        EngineOutput.build(
            "{\"stream\":\"Step 1/2 : FROM 127.0.0.1:5000/base/does-not-exist:1\\n\"}",
            "{\"errorDetail\":{\"message\":\"manifest for 127.0.0.1:5000/base/does-not-exist:1"
                + " not found: manifest unknown: manifest unknown\"}}");

    EngineException error = DockerErrors.buildFailed(stream, dockerfile);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Base image not available: 'manifest for 127.0.0.1:5000/base/does-not-exist:1 not"
                            + " found: manifest unknown: manifest unknown' at src/main/docker/Dockerfile:1;"
                            + " check the FROM line (or <from>/-Ddockyard.from), that the image was pushed"
                            + " and that the engine can reach its registry"));
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void anUnreachableBaseImageRegistryIsTheEnvironments() throws Exception {
    Dockerfile dockerfile = DockerfileParser.parse("FROM registry.test/jre:17\n", "Dockerfile");
    BuildStream stream =
        EngineOutput.build(
            "{\"stream\":\"Step 1/1 : FROM registry.test/jre:17\\n\"}",
            "{\"error\":\"Get \\\"https://registry.test/v2/\\\": dial tcp: connection refused\"}");

    EngineException error = DockerErrors.buildFailed(stream, dockerfile);

    assertThat(Rendered.message(error))
        .startsWith(
            "Base image not available: 'Get \"https://registry.test/v2/\": dial tcp: connection"
                + " refused' at Dockerfile:1;");
    assertThat(error.userFixable()).isFalse();
  }

  @Test
  void aStepTheDockerfileDoesNotNumberIsQuotedAsTheEnginePrintedIt() throws Exception {
    Dockerfile dockerfile = DockerfileParser.parse("FROM scratch\n", "Dockerfile");
    BuildStream stream =
        EngineOutput.build(
            "{\"stream\":\"Step 2/2 : copy app.jar /app/\\n\"}",
            "{\"error\":\"COPY failed: file not found in build context\"}");

    EngineException error = DockerErrors.buildFailed(stream, dockerfile);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "COPY step failed: 'COPY failed: file not found in build context' in 'copy app.jar"
                            + " /app/'; fix the Dockerfile Dockerfile"));
    assertThat(error.userFixable()).isTrue();
  }

  @Test
  void anErrorBeforeAnyStepIsABuildFailure() throws Exception {
    Dockerfile dockerfile = DockerfileParser.parse("FROM scratch\n", "Dockerfile");
    BuildStream stream =
        EngineOutput.build(
            "{\"error\":\"failed to read dockerfile: open Dockerfile: no such file\"}");

    EngineException error = DockerErrors.buildFailed(stream, dockerfile);

    assertThat(error)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Build failed: 'failed to read dockerfile: open Dockerfile: no such file'; fix the"
                            + " Dockerfile Dockerfile"));
  }
}
