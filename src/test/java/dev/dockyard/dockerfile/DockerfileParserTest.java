package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileParserTest {

  private static Dockerfile parse(String text) throws DockerfileException {
    return DockerfileParser.parse(text, "Dockerfile");
  }

  /** The instruction after {@code FROM base} on line 1. */
  private static Instruction second(String line) throws DockerfileException {
    List<Instruction> instructions = parse("FROM base\n" + line).instructions();
    assertThat(instructions).hasSize(2);
    return instructions.get(1);
  }

  static Stream<Arguments> instructions() {
    return Stream.of(
        Arguments.of("copy a b", "COPY", Map.of(), "a b", null),
        Arguments.of("Run  echo hi  ", "RUN", Map.of(), "echo hi", null),
        Arguments.of(
            "COPY --chown=1000:1000 --chmod=0755 app.jar /app/",
            "COPY",
            Map.of("chown", List.of("1000:1000"), "chmod", List.of("0755")),
            "app.jar /app/",
            null),
        Arguments.of(
            "COPY --chown=\"app user\" a b",
            "COPY",
            Map.of("chown", List.of("app user")),
            "a b",
            null),
        Arguments.of(
            "COPY --link --from=build /out /app",
            "COPY",
            Map.of("link", List.of("true"), "from", List.of("build")),
            "/out /app",
            null),
        Arguments.of(
            "COPY --link=False a b", "COPY", Map.of("link", List.of("false")), "a b", null),
        Arguments.of(
            "COPY --exclude=*.md --exclude=*.txt . /src",
            "COPY",
            Map.of("exclude", List.of("*.md", "*.txt")),
            ". /src",
            null),
        Arguments.of("COPY -- --weird /x", "COPY", Map.of(), "--weird /x", null),
        Arguments.of(
            "ADD --checksum=sha256:abc https://x/y.tgz /y",
            "ADD",
            Map.of("checksum", List.of("sha256:abc")),
            "https://x/y.tgz /y",
            null),
        Arguments.of(
            "RUN --mount=type=cache,target=/root/.m2 --network=none mvn -q package",
            "RUN",
            Map.of("mount", List.of("type=cache,target=/root/.m2"), "network", List.of("none")),
            "mvn -q package",
            null),
        Arguments.of(
            "HEALTHCHECK --interval=5s --retries=3 CMD [\"curl\", \"-f\", \"http://localhost\"]",
            "HEALTHCHECK",
            Map.of("interval", List.of("5s"), "retries", List.of("3")),
            "CMD [\"curl\", \"-f\", \"http://localhost\"]",
            List.of("curl", "-f", "http://localhost")),
        Arguments.of("HEALTHCHECK NONE", "HEALTHCHECK", Map.of(), "NONE", null),
        Arguments.of(
            "CMD [\"java\", \"-jar\", \"app.jar\"]",
            "CMD",
            Map.of(),
            "[\"java\", \"-jar\", \"app.jar\"]",
            List.of("java", "-jar", "app.jar")),
        Arguments.of(
            "ENTRYPOINT [\"echo\", \"tab\\there\", \"quote\\\"d\", \"\\u00e9\", \"a\\\\b\"]",
            "ENTRYPOINT",
            Map.of(),
            "[\"echo\", \"tab\\there\", \"quote\\\"d\", \"\\u00e9\", \"a\\\\b\"]",
            List.of("echo", "tab\there", "quote\"d", "é", "a\\b")),
        Arguments.of("CMD []", "CMD", Map.of(), "[]", List.of()),
        Arguments.of(
            "CMD [\"a\", 'b']", "CMD", Map.of(), "[\"a\", 'b']", null), // not JSON: shell form
        Arguments.of("RUN [ -f /etc/passwd ]", "RUN", Map.of(), "[ -f /etc/passwd ]", null),
        Arguments.of(
            "CMD [\"a\"] && echo",
            "CMD",
            Map.of(),
            "[\"a\"] && echo",
            List.of("a")), // Go's JSON decoder stops after the array
        Arguments.of(
            "VOLUME [\"/data\", \"/logs\"]",
            "VOLUME",
            Map.of(),
            "[\"/data\", \"/logs\"]",
            List.of("/data", "/logs")),
        Arguments.of(
            "SHELL [\"/bin/bash\", \"-c\"]",
            "SHELL",
            Map.of(),
            "[\"/bin/bash\", \"-c\"]",
            List.of("/bin/bash", "-c")),
        Arguments.of("EXPOSE 8080 53/udp", "EXPOSE", Map.of(), "8080 53/udp", null),
        Arguments.of(
            "ONBUILD COPY --chown=app a b", "ONBUILD", Map.of(), "COPY --chown=app a b", null),
        Arguments.of("CMD echo --help", "CMD", Map.of(), "echo --help", null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("instructions")
  void parsesKeywordFlagsArgumentsAndExecForm(
      String line,
      String keyword,
      Map<String, List<String>> flags,
      String arguments,
      List<String> execForm)
      throws DockerfileException {
    Instruction instruction = second(line);

    assertThat(instruction.keyword()).isEqualTo(keyword);
    assertThat(instruction.flags()).isEqualTo(flags);
    assertThat(instruction.arguments()).isEqualTo(arguments);
    assertThat(instruction.execForm()).isEqualTo(execForm);
    assertThat(instruction.location()).isEqualTo(new Location("Dockerfile", 2));
  }

  @Test
  void keepsFlagsInTheOrderWritten() throws DockerfileException {
    Instruction copy = second("COPY --chmod=644 --link --chown=1:1 a b");
    assertThat(copy.flags().keySet()).containsExactly("chmod", "link", "chown");
  }

  static Stream<Arguments> keyValues() {
    return Stream.of(
        Arguments.of("ENV A=1", List.of(new KeyValue("A", "1"))),
        Arguments.of(
            "ENV A=1 B=\"two words\" C='x y'",
            List.of(
                new KeyValue("A", "1"),
                new KeyValue("B", "\"two words\""),
                new KeyValue("C", "'x y'"))),
        Arguments.of("ENV A=a\\ b", List.of(new KeyValue("A", "a\\ b"))),
        Arguments.of("ENV EMPTY=", List.of(new KeyValue("EMPTY", ""))),
        Arguments.of("ENV EMPTY=\"\"", List.of(new KeyValue("EMPTY", "\"\""))),
        Arguments.of(
            "ENV JAVA_OPTS -Xmx1g -Xms1g", List.of(new KeyValue("JAVA_OPTS", "-Xmx1g -Xms1g"))),
        Arguments.of(
            "LABEL \"org.opencontainers.image.title\"=\"My App\" version=1.0",
            List.of(
                new KeyValue("\"org.opencontainers.image.title\"", "\"My App\""),
                new KeyValue("version", "1.0"))),
        Arguments.of("LABEL a=b=c", List.of(new KeyValue("a", "b=c"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("keyValues")
  void splitsEnvAndLabelPairsKeepingQuotesForSubstitution(String line, List<KeyValue> expected)
      throws DockerfileException {
    assertThat(second(line).keyValues()).isEqualTo(expected);
  }

  @Test
  void splitsArgDeclarationsWithAndWithoutDefaults() throws DockerfileException {
    assertThat(second("ARG A B=2 C=\"x y\"").argDeclarations())
        .containsExactly(
            new KeyValue("A", null), new KeyValue("B", "2"), new KeyValue("C", "\"x y\""));
  }

  @Test
  void joinsContinuationsSkippingCommentAndEmptyLinesAndKeepsTheStartLine()
      throws DockerfileException {
    Dockerfile dockerfile =
        parse(
            "FROM base\n"
                + "\n"
                + "RUN apt-get update \\\n"
                + "    # a comment inside the continuation\n"
                + "\n"
                + "    && apt-get install -y curl \\  \t\n"
                + "    && rm -rf /var/lib/apt/lists/*\n"
                + "USER app\n");

    Instruction run = dockerfile.instructions().get(1);
    assertThat(run.arguments())
        .isEqualTo(
            "apt-get update     && apt-get install -y curl     && rm -rf /var/lib/apt/lists/*");
    assertThat(run.location().line()).isEqualTo(3);
    assertThat(dockerfile.instructions().get(2).location().line()).isEqualTo(8);
  }

  @Test
  void backtickEscapeDirectiveChangesTheContinuationCharacter() throws DockerfileException {
    Dockerfile dockerfile =
        parse(
            "# escape=`\n"
                + "FROM mcr.microsoft.com/windows/servercore\n"
                + "COPY app.ps1 `\n"
                + "   \n"
                + " C:\\app\\\n"
                + "WORKDIR C:\\app\n");

    assertThat(dockerfile.escape()).isEqualTo('`');
    assertThat(dockerfile.instructions().get(1).arguments()).isEqualTo("app.ps1  C:\\app\\");
    assertThat(dockerfile.instructions().get(2).arguments()).isEqualTo("C:\\app");
  }

  @Test
  void treatsDirectivesAfterAnyOtherLineAsComments() throws DockerfileException {
    Dockerfile dockerfile = parse("# hello\n# escape=`\nFROM base\nRUN a \\\n  b\n");
    assertThat(dockerfile.escape()).isEqualTo('\\');
    assertThat(dockerfile.instructions().get(1).arguments()).isEqualTo("a   b");
  }

  @Test
  void ignoresSyntaxDirectiveAndByteOrderMarkAndCarriageReturns() throws DockerfileException {
    Dockerfile dockerfile =
        parse("\uFEFF# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM base\r\nUSER app\r\n");
    assertThat(dockerfile.escape()).isEqualTo('`');
    assertThat(dockerfile.instructions())
        .extracting(Instruction::text)
        .containsExactly("FROM base", "USER app");
  }

  @Test
  void acceptsArgBeforeFromAndCommentsAnywhere() throws DockerfileException {
    Dockerfile dockerfile =
        parse("  # leading comment\nARG BASE=eclipse-temurin:21\nFROM $BASE AS run\n  # end\n");
    assertThat(dockerfile.instructions())
        .extracting(Instruction::keyword)
        .containsExactly("ARG", "FROM");
    assertThat(dockerfile.froms()).hasSize(1);
    assertThat(dockerfile.froms().get(0).words()).containsExactly("$BASE", "AS", "run");
  }

  @Test
  void acceptsNumericAndVariableChmod() throws DockerfileException {
    assertThat(second("COPY --chmod=755 a b").flag("chmod")).isEqualTo("755");
    assertThat(second("COPY --chmod=$MODE a b").flag("chmod")).isEqualTo("$MODE");
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "",
            "Dockerfile has no FROM: '' at Dockerfile:1; start the build stage with FROM <image>"),
        Arguments.of(
            "# only a comment\nARG A=1\n",
            "Dockerfile has no FROM: '' at Dockerfile:1; start the build stage with FROM <image>"),
        Arguments.of(
            "ARG A\nCOPY a b\nFROM base",
            "Instruction before the first FROM: 'COPY' at Dockerfile:2; only ARG may come before"
                + " FROM; move COPY after FROM <image>"),
        Arguments.of(
            "FROM base\nCPOY a b",
            "Unknown instruction: 'CPOY' at Dockerfile:2; did you mean COPY?"),
        Arguments.of(
            "FROM base\nexpos 80",
            "Unknown instruction: 'expos' at Dockerfile:2; did you mean EXPOSE?"),
        Arguments.of(
            "FROM base\nRUN apt-get install \\\ncurl\nxyzzy",
            "Unknown instruction: 'xyzzy' at Dockerfile:4; use one of ADD, ARG, CMD, COPY,"
                + " ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN,"
                + " SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR"),
        Arguments.of(
            "FROM base\nCMD [\"sleep\", 5]",
            "JSON array of CMD holds more than strings: '[\"sleep\", 5]' at Dockerfile:2; quote"
                + " every element, e.g. [\"java\", \"-jar\", \"app.jar\"]"),
        Arguments.of(
            "FROM base\nCOPY onlyone",
            "Missing arguments for COPY: 'onlyone' at Dockerfile:2; write COPY"
                + " [--chown=<user>:<group>] [--chmod=<perms>] <src>... <dest>"),
        Arguments.of(
            "FROM base\nADD [\"onlyone\"]",
            "Missing arguments for ADD: '[\"onlyone\"]' at Dockerfile:2; write ADD"
                + " [--chown=<user>:<group>] [--chmod=<perms>] <src>... <dest>"),
        Arguments.of(
            "FROM base\nEXPOSE",
            "Missing arguments for EXPOSE: '' at Dockerfile:2; write EXPOSE <port>[/<protocol>]..."),
        Arguments.of(
            "FROM base\nVOLUME []",
            "Missing arguments for VOLUME: '[]' at Dockerfile:2; write VOLUME [\"<path>\"...] or"
                + " VOLUME <path>..."),
        Arguments.of(
            "FROM base\nWORKDIR   ",
            "Missing arguments for WORKDIR: '' at Dockerfile:2; write WORKDIR <path>"),
        Arguments.of(
            "FROM base\nENV",
            "Missing arguments for ENV: '' at Dockerfile:2; write ENV <key>=<value>..."),
        Arguments.of(
            "FROM base\nCMD",
            "Missing arguments for CMD: '' at Dockerfile:2; write CMD [\"<executable>\","
                + " \"<param>\"...] or CMD <command>"),
        Arguments.of(
            "FROM",
            "Missing arguments for FROM: '' at Dockerfile:1; write FROM"
                + " [--platform=<platform>] <image> [AS <name>]"),
        Arguments.of(
            "FROM base\nCOPY --chwon=app a b",
            "Unknown flag for COPY: '--chwon' at Dockerfile:2; did you mean --chown?"),
        Arguments.of(
            "FROM base\nCOPY --verbose a b",
            "Unknown flag for COPY: '--verbose' at Dockerfile:2; COPY accepts --from, --chown,"
                + " --chmod, --link, --parents, --exclude"),
        Arguments.of(
            "FROM base\nEXPOSE --tcp 80",
            "Unknown flag for EXPOSE: '--tcp' at Dockerfile:2; EXPOSE takes no flags"),
        Arguments.of(
            "FROM base\nENTRYPOINT --help",
            "Unknown flag for ENTRYPOINT: '--help' at Dockerfile:2; ENTRYPOINT takes no flags"),
        Arguments.of(
            "FROM base\nCOPY --chmod=75x a b",
            "Invalid --chmod for COPY: '75x' at Dockerfile:2; give the mode in octal, e.g."
                + " --chmod=0755"),
        Arguments.of(
            "FROM base\nADD --chmod=u+x a b",
            "Invalid --chmod for ADD: 'u+x' at Dockerfile:2; give the mode in octal, e.g."
                + " --chmod=0755"),
        Arguments.of(
            "FROM base\nCOPY --chmod=0789 a b",
            "Invalid --chmod for COPY: '0789' at Dockerfile:2; give the mode in octal, e.g."
                + " --chmod=0755"),
        Arguments.of(
            "FROM base\nCOPY --chown=1 --chown=2 a b",
            "Repeated flag in COPY: '--chown' at Dockerfile:2; give --chown once"),
        Arguments.of(
            "FROM base\nCOPY --chown a b",
            "Flag of COPY needs a value: '--chown' at Dockerfile:2; write --chown=<value>"),
        Arguments.of(
            "FROM base\nCOPY --link=maybe a b",
            "Flag of COPY takes true or false: '--link=maybe' at Dockerfile:2; write --link or"
                + " --link=false"),
        Arguments.of(
            "# escape=/\nFROM base",
            "Invalid escape directive: '/' at Dockerfile:1; write # escape=\\ or # escape=`"),
        Arguments.of(
            "# escape=`\n# escape=\\\nFROM base",
            "Repeated parser directive: 'escape' at Dockerfile:2; give each directive once, at"
                + " the top of the file"),
        Arguments.of(
            "FROM base\nENV A=1 B",
            "Missing '=' in ENV: 'B' at Dockerfile:2; write ENV <key>=<value> (quote values that"
                + " contain spaces)"),
        Arguments.of(
            "FROM base\nENV ONLYKEY",
            "Missing value in ENV: 'ONLYKEY' at Dockerfile:2; write ENV <key>=<value> (quote"
                + " values that contain spaces)"),
        Arguments.of(
            "FROM base\nLABEL =x",
            "Empty name in LABEL: '=x' at Dockerfile:2; write LABEL <key>=<value> (quote values"
                + " that contain spaces)"),
        Arguments.of(
            "FROM base\nARG =x",
            "Empty name in ARG: '=x' at Dockerfile:2; write ARG <name>[=<default>]"),
        Arguments.of(
            "FROM base image",
            "Malformed FROM: 'base image' at Dockerfile:1; write FROM [--platform=<platform>]"
                + " <image> [AS <name>]"),
        Arguments.of(
            "FROM base AS 1st",
            "Invalid stage name in FROM: '1st' at Dockerfile:1; start it with a letter and use"
                + " only letters, digits, '-', '_' and '.'"),
        Arguments.of(
            "FROM base\nSHELL /bin/bash -c",
            "SHELL needs the JSON exec form: '/bin/bash -c' at Dockerfile:2; write SHELL"
                + " [\"/bin/sh\", \"-c\"]"),
        Arguments.of(
            "FROM base\nHEALTHCHECK curl localhost",
            "Malformed HEALTHCHECK: 'curl localhost' at Dockerfile:2; write HEALTHCHECK"
                + " [<options>] CMD <command> or HEALTHCHECK NONE"),
        Arguments.of(
            "FROM base\nONBUILD FROM other",
            "Invalid ONBUILD trigger: 'FROM' at Dockerfile:2; ONBUILD cannot trigger ONBUILD,"
                + " FROM or MAINTAINER"),
        Arguments.of(
            "FROM base\nONBUILD CPY a b",
            "Unknown instruction: 'CPY' at Dockerfile:2; did you mean COPY?"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("errors")
  void rejectsWithAnExactMessage(String text, String message) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(message);
  }

  @Test
  void errorCarriesTheBadValueAndLocation() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM base\n\nCOPY x", "svc/Dockerfile"))
        .isInstanceOfSatisfying(
            DockerfileException.class,
            e -> {
              assertThat(e.badValue()).isEqualTo("x");
              assertThat(e.location()).isEqualTo(new Location("svc/Dockerfile", 3));
            });
  }

  @Test
  void anEscapedEscapeAtTheEndOfALineEndsTheInstruction() throws DockerfileException {
    Dockerfile dockerfile = parse("FROM base\nRUN echo a\\\\\nCMD x\n");

    assertThat(dockerfile.instructions())
        .extracting(Instruction::text)
        .containsExactly("FROM base", "RUN echo a\\\\", "CMD x");
  }

  @Test
  void anEscapeAloneOnALineContinuesIt() throws DockerfileException {
    Dockerfile dockerfile = parse("FROM base\nRUN a \\\n\\\n b\n");

    assertThat(dockerfile.instructions().get(1).text()).isEqualTo("RUN a  b");
  }

  @Test
  void anEscapedBacktickEndsTheInstructionUnderTheBacktickDirective() throws DockerfileException {
    Dockerfile dockerfile = parse("# escape=`\nFROM base\nRUN echo ``\nCMD x `\n  y\n");

    assertThat(dockerfile.instructions())
        .extracting(Instruction::text)
        .containsExactly("FROM base", "RUN echo ``", "CMD x   y");
  }
}
