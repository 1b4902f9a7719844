package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Placeholder rendering in Dockerfile templates and its file:line errors. */
class TemplateRendererTest {

  private static final String FILE = "src/main/docker/Dockerfile";

  private static final Map<String, String> VALUES =
      Map.of(
          "project.version", "1.4.0",
          "project.artifactId", "order-service",
          "dockyard.from", "127.0.0.1:5000/java:17",
          "dockyard.libs", "target/dockyard/libs",
          "dockyard.mainClass", "com.example.App",
          "spring-boot.version", "3.3.1",
          "tricky.value", "${project.version} $HOME \\${x.y}");

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("FROM ${dockyard.from}\n", "FROM 127.0.0.1:5000/java:17\n"),
        Arguments.of(
            "COPY ${dockyard.libs}/ /app/libs/\nLABEL v=${project.version} b=${spring-boot.version}",
            "COPY target/dockyard/libs/ /app/libs/\nLABEL v=1.4.0 b=3.3.1"),
        Arguments.of("${project.artifactId}${project.version}", "order-service1.4.0"),
        Arguments.of("ENV OPTS=${JAVA_OPTS} HOME=$HOME\n", "ENV OPTS=${JAVA_OPTS} HOME=$HOME\n"),
        Arguments.of("ARG V=${BASE_TAG:-17}\n", "ARG V=${BASE_TAG:-17}\n"),
        Arguments.of("RUN echo \\${project.version}", "RUN echo \\${project.version}"),
        Arguments.of("RUN echo \\${not.defined}", "RUN echo \\${not.defined}"),
        Arguments.of("RUN echo \\\\${project.version}", "RUN echo \\\\1.4.0"),
        Arguments.of("RUN echo \\\\\\${not.defined}", "RUN echo \\\\\\${not.defined}"),
        Arguments.of("LABEL v=${tricky.value}", "LABEL v=${project.version} $HOME \\${x.y}"),
        Arguments.of(
            "RUN echo ${a.b:-x} ${.hidden} ${trailing.}",
            "RUN echo ${a.b:-x} ${.hidden} ${trailing.}"),
        Arguments.of("RUN echo $ ${ } $${project.version}", "RUN echo $ ${ } $1.4.0"),
        Arguments.of(
            "# no placeholders\r\nFROM scratch\r\n", "# no placeholders\r\nFROM scratch\r\n"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("templates")
  void replacesDottedPlaceholdersAndLeavesEverythingElseForDocker(String template, String expected)
      throws DockerfileException {
    assertThat(TemplateRenderer.render(template, FILE, VALUES)).isEqualTo(expected);
  }

  static Stream<Arguments> badTemplates() {
    return Stream.of(
        Arguments.of(
            "FROM x\n\nLABEL v=${projet.version}\n",
            "${projet.version}",
            3,
            "Unknown placeholder: '${projet.version}' at src/main/docker/Dockerfile:3; did you"
                + " mean ${project.version}? To leave it for Docker, write \\${projet.version}"),
        Arguments.of(
            "FROM x\r\nCOPY ${dockyard.lib}/ /app/libs/\r\n",
            "${dockyard.lib}",
            2,
            "Unknown placeholder: '${dockyard.lib}' at src/main/docker/Dockerfile:2; did you"
                + " mean ${dockyard.libs}? To leave it for Docker, write \\${dockyard.lib}"),
        Arguments.of(
            "FROM x\nEXPOSE ${app.port}",
            "${app.port}",
            2,
            "Unknown placeholder: '${app.port}' at src/main/docker/Dockerfile:2; define app.port"
                + " in <properties> or with -Dapp.port=..., or write \\${app.port} to leave it"
                + " for Docker"),
        Arguments.of(
            "# ${project.version}\n# \\${a.b}\nRUN x \\\\${a.b}",
            "${a.b}",
            3,
            "Unknown placeholder: '${a.b}' at src/main/docker/Dockerfile:3; define a.b in"
                + " <properties> or with -Da.b=..., or write \\${a.b} to leave it for Docker"),
        Arguments.of(
            "FROM x\nLABEL v=${project.version\nUSER app",
            "${project.version",
            2,
            "Unterminated placeholder: '${project.version' at src/main/docker/Dockerfile:2; close"
                + " it with '}'"),
        Arguments.of(
            "LABEL v=${project.version",
            "${project.version",
            1,
            "Unterminated placeholder: '${project.version' at src/main/docker/Dockerfile:1; close"
                + " it with '}'"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badTemplates")
  void failsAtFileAndLineForADottedPlaceholderDefinedNowhere(
      String template, String badValue, int line, String message) {
    assertThatThrownBy(() -> TemplateRenderer.render(template, FILE, VALUES))
        .isInstanceOfSatisfying(
            DockerfileException.class,
            e -> {
              assertThat(e.badValue()).isEqualTo(badValue);
              assertThat(e.location()).isEqualTo(new Location(FILE, line));
            })
        .satisfies(thrown -> assertThat(Rendered.message(thrown)).isEqualTo(message));
  }

  @Test
  void treatsANullValueAsUndefinedAndSuggestsNothingWithoutKnownNames() {
    Map<String, String> values = new HashMap<>();
    values.put("project.version", null);

    assertThatThrownBy(() -> TemplateRenderer.render("${project.version}", "Dockerfile", values))
        .isInstanceOf(DockerfileException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Unknown placeholder: '${project.version}' at Dockerfile:1; define project.version in"
                            + " <properties> or with -Dproject.version=..., or write \\${project.version} to"
                            + " leave it for Docker"));
  }

  @ParameterizedTest
  @CsvSource({
    "projet.version, project.version",
    "project.artifactid, project.artifactId",
    "dockyard.mainclass, dockyard.mainClass",
    "spring.boot.version, spring-boot.version",
    "dockyard.jar, ",
    "x.y, "
  })
  void suggestsOnlyANameThatIsClose(String misspelt, String suggestion) {
    assertThat(NearestName.of(misspelt, new TreeSet<>(VALUES.keySet()))).isEqualTo(suggestion);
  }

  @ParameterizedTest
  @CsvSource({"'', '', 0", "a, '', 1", "kitten, sitting, 3", "flaw, lawn, 2", "same, same, 0"})
  void measuresEditDistance(String a, String b, int distance) {
    assertThat(NearestName.levenshtein(a, b)).isEqualTo(distance);
    assertThat(NearestName.levenshtein(b, a)).isEqualTo(distance);
  }
}
