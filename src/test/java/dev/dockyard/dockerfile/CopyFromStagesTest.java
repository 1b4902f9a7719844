package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopyFromStagesTest {

  private static final String TWO_STAGES =
      String.join(
          "\n",
          "FROM maven:3-eclipse-temurin-17 AS build",
          "RUN mvn package",
          "",
          "FROM eclipse-temurin:17-jre AS Runtime",
          "# copy the jar",
          "",
          "COPY --from=%s /out/app.jar /app/",
          "");

  private static void check(String text) throws DockerfileException {
    CopyFromStages.check(DockerfileParser.parse(text, "Dockerfile"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "build",
        "BUILD",
        "runtime",
        "0",
        "1",
        "busybox:1.36",
        "library/busybox",
        "registry.corp:5000/tools/jq",
        "localhost/tools",
        "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "${BUILDER}",
      })
  void acceptsStagesIndexesAndImageReferences(String from) {
    assertThatCode(() -> check(TWO_STAGES.formatted(from))).doesNotThrowAnyException();
  }

  @Test
  void rejectsMisspeltStageNamingTheLineTheStagesAndTheNearest() {
    assertThatThrownBy(() -> check(TWO_STAGES.formatted("biuld")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --from names no stage: 'biuld' at Dockerfile:7; stages are 'build', 'runtime';"
                + " did you mean 'build'? Name one of them (or a stage index, 0 to 1), or write a"
                + " full image reference such as 'docker.io/library/biuld:latest' to copy from an"
                + " image");
  }

  @Test
  void rejectsBareImageNameThatIsNoStageWithoutGuessing() {
    assertThatThrownBy(() -> check(TWO_STAGES.formatted("busybox")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --from names no stage: 'busybox' at Dockerfile:7; stages are 'build',"
                + " 'runtime'. Name one of them (or a stage index, 0 to 1), or write a full image"
                + " reference such as 'docker.io/library/busybox:latest' to copy from an image");
  }

  @Test
  void rejectsNameInSingleStageFileWithoutNamedStages() {
    assertThatThrownBy(() -> check("FROM base\nWORKDIR /app\nCOPY --from=builder /out /app\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --from names no stage: 'builder' at Dockerfile:3; the file names no stage (FROM"
                + " <image> AS <name>); name one and copy from it, use a stage index (0), or write"
                + " a full image reference such as 'docker.io/library/builder:latest' to copy from"
                + " an image");
  }

  @Test
  void rejectsIndexPastTheLastStage() {
    assertThatThrownBy(() -> check(TWO_STAGES.formatted("2")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --from names no stage: '2' at Dockerfile:7; the file has 2 stages, so an index"
                + " is 0 to 1; name an earlier stage by its index or its AS name");
  }
}
