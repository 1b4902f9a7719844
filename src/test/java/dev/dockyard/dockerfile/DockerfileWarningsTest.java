package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What Docker accepts but is probably a mistake: read as Docker reads it, with a warning. */
class DockerfileWarningsTest {

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of(
            "FROM base\nRUN echo a \\\n  echo b \\\n",
            "RUN echo a   echo b ",
            "Line continuation at end of file: 'RUN echo a   echo b' at Dockerfile:3; Docker ends"
                + " the instruction there, remove the trailing '\\' or add the line it continues"
                + " to"),
        Arguments.of(
            "FROM base\nRUN echo \\\n# comment\n",
            "RUN echo ",
            "Line continuation at end of file: 'RUN echo' at Dockerfile:2; Docker ends the"
                + " instruction there, remove the trailing '\\' or add the line it continues to"),
        Arguments.of(
            "# escape=`\nFROM base\nRUN echo `",
            "RUN echo ",
            "Line continuation at end of file: 'RUN echo' at Dockerfile:3; Docker ends the"
                + " instruction there, remove the trailing '`' or add the line it continues to"),
        Arguments.of(
            "FROM base\nCMD [\"java\", \"-jar\"",
            "CMD [\"java\", \"-jar\"",
            "Exec form of CMD is not valid JSON: '[\"java\", \"-jar\"' at Dockerfile:2; Docker"
                + " runs it as shell form, write [\"executable\", \"param\"] with double quotes"
                + " and a closing ']'"),
        Arguments.of(
            "FROM base\nENTRYPOINT ['java', '-jar']",
            "ENTRYPOINT ['java', '-jar']",
            "Exec form of ENTRYPOINT is not valid JSON: '['java', '-jar']' at Dockerfile:2; Docker"
                + " runs it as shell form, write [\"executable\", \"param\"] with double quotes"
                + " and a closing ']'"),
        Arguments.of(
            "FROM base\nCMD [\"a\"] b",
            "CMD [\"a\"] b",
            "Text after the JSON array of CMD: '[\"a\"] b' at Dockerfile:2; Docker ignores"
                + " everything after ']', move it into the array or remove it"),
        Arguments.of(
            "FROM base\nRUN echo a \\\n\n  b",
            "RUN echo a   b",
            "Empty continuation line: 'RUN echo a   b' at Dockerfile:2; Docker skips the blank"
                + " line but will reject it in a future release, remove it"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("warnings")
  void acceptsAsDockerDoesAndWarns(String text, String instruction, String warning)
      throws DockerfileException {
    Dockerfile dockerfile = DockerfileParser.parse(text, "Dockerfile");

    Instruction last = dockerfile.instructions().get(dockerfile.instructions().size() - 1);
    assertThat(last.text()).isEqualTo(instruction.strip());
    assertThat(dockerfile.warnings()).isEqualTo(List.of(warning));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("warnings")
  void unterminatedExecFormRunsAsShellForm(String text, String instruction, String warning)
      throws DockerfileException {
    Dockerfile dockerfile = DockerfileParser.parse(text, "Dockerfile");
    Instruction last = dockerfile.instructions().get(dockerfile.instructions().size() - 1);
    boolean jsonWarning = warning.startsWith("Exec form");
    if (jsonWarning) {
      assertThat(last.isExecForm()).isFalse();
    }
    assertThat(last.isExecForm()).isEqualTo(warning.startsWith("Text after"));
  }
}
