package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.dockerfile.DockerfileParser;
import org.junit.jupiter.api.Test;

class BaseImagePreloadTest {

  @Test
  void baseImagesAreTheFromImagesThatAreNoStage() throws Exception {
    String text =
        "FROM --platform=linux/amd64 eclipse-temurin:17 AS build\n"
            + "RUN echo built\n"
            + "FROM build AS tested\n"
            + "FROM scratch AS empty\n"
            + "FROM nexus.corp:5000/jre:17\n"
            + "COPY --from=build /out /app\n";

    assertThat(BaseImagePreload.baseImages(DockerfileParser.parse(text, "Dockerfile")))
        .containsExactly("eclipse-temurin:17", "nexus.corp:5000/jre:17");
  }

  @Test
  void anImageNamedByABuildArgIsLeftToTheEngine() throws Exception {
    String text = "ARG BASE=eclipse-temurin:17\nFROM ${BASE}\nRUN true\n";

    assertThat(BaseImagePreload.baseImages(DockerfileParser.parse(text, "Dockerfile"))).isEmpty();
  }

  @Test
  void stageNamesAreMatchedWithoutRegardToCase() throws Exception {
    String text = "FROM eclipse-temurin:17 AS Build\nFROM build\n";

    assertThat(BaseImagePreload.baseImages(DockerfileParser.parse(text, "Dockerfile")))
        .containsExactly("eclipse-temurin:17");
  }
}
