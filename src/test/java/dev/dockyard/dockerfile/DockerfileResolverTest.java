package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileResolverTest {

  /** A base image with a PATH and a working directory, counting how often it is asked for. */
  private static final class CountingBase implements Supplier<BaseImageConfig> {
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, String> environment;
    final String workdir;

    CountingBase(Map<String, String> environment, String workdir) {
      this.environment = environment;
      this.workdir = workdir;
    }

    @Override
    public BaseImageConfig get() {
      calls.incrementAndGet();
      return new BaseImageConfig() {
        @Override
        public Map<String, String> environment() {
          return environment;
        }

        @Override
        public String workingDirectory() {
          return workdir;
        }
      };
    }
  }

  private static final Supplier<BaseImageConfig> UNUSED_BASE =
      () -> {
        throw new AssertionError("the base image must not be fetched");
      };

  private static CountingBase base() {
    return new CountingBase(
        Map.of("PATH", "/usr/local/sbin:/usr/bin", "JAVA_HOME", "/opt/java"), "/srv");
  }

  private static ImageRecipe resolve(String text, Map<String, String> buildArgs)
      throws DockerfileException {
    return DockerfileResolver.resolve(
        DockerfileParser.parse(text, "Dockerfile"), buildArgs, base());
  }

  private static ImageRecipe resolve(String text) throws DockerfileException {
    return resolve(text, Map.of());
  }

  // --- golden files ---------------------------------------------------------------------------

  static Stream<Arguments> goldenFiles() {
    return Stream.of(
        Arguments.of("spring-app", Map.of("JAVA_VERSION", "17", "UNDECLARED", "x"), 1),
        Arguments.of("windows-escape", Map.of(), 0),
        Arguments.of("continuations", Map.of(), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void resolvesRealisticDockerfilesAsTheGoldenFileSays(
      String name, Map<String, String> buildArgs, int expectedBaseFetches) throws Exception {
    String fileName = name + ".Dockerfile";
    CountingBase base = base();

    ImageRecipe recipe =
        DockerfileResolver.resolve(
            DockerfileParser.parse(resource(fileName), fileName), buildArgs, base);

    assertThat(render(recipe)).isEqualTo(resource(name + ".recipe"));
    assertThat(base.calls).hasValue(expectedBaseFetches);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DockerfileResolverTest.class.getResourceAsStream("/dockerfile/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String render(ImageRecipe recipe) {
    StringBuilder out = new StringBuilder();
    out.append("base: ").append(recipe.baseImage()).append('\n');
    out.append("from: ").append(recipe.fromLocation()).append('\n');
    recipe.environment().forEach((k, v) -> out.append("env: ").append(k + "=" + v).append('\n'));
    recipe.labels().forEach((k, v) -> out.append("label: ").append(k + "=" + v).append('\n'));
    recipe.exposedPorts().forEach(p -> out.append("port: ").append(p).append('\n'));
    if (recipe.workdir() != null) {
      out.append("workdir: ").append(recipe.workdir()).append('\n');
    }
    if (recipe.user() != null) {
      out.append("user: ").append(recipe.user()).append('\n');
    }
    for (CopyStep step : recipe.copies()) {
      out.append("copy: ")
          .append(step.keyword())
          .append(' ')
          .append(step.sources())
          .append(" -> ")
          .append(step.destination())
          .append(" chown=")
          .append(step.chown())
          .append(" chmod=")
          .append(step.chmod())
          .append(" workdir=")
          .append(step.workdir())
          .append(" at ")
          .append(step.location())
          .append('\n');
    }
    if (recipe.entrypoint() != null) {
      out.append("entrypoint: ").append(recipe.entrypoint()).append('\n');
    }
    if (recipe.cmd() != null) {
      out.append("cmd: ").append(recipe.cmd()).append('\n');
    }
    recipe.volumes().forEach(v -> out.append("volume: ").append(v).append('\n'));
    return out.toString();
  }

  // --- variables --------------------------------------------------------------------------------

  @Test
  void envValuesSeeTheEnvironmentAsItWasBeforeTheInstruction() throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n");
    assertThat(recipe.environment())
        .containsExactly(
            Map.entry("abc", "bye"), Map.entry("def", "hello"), Map.entry("ghi", "bye"));
  }

  @Test
  void laterEnvReplacesTheValueButKeepsTheFirstPosition() throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nENV A=1 B=2\nENV A=3\nLABEL x=1 y=2\nLABEL x=3");
    assertThat(recipe.environment()).containsExactly(Map.entry("A", "3"), Map.entry("B", "2"));
    assertThat(recipe.labels()).containsExactly(Map.entry("x", "3"), Map.entry("y", "2"));
  }

  @Test
  void legacyEnvFormTakesTheRestOfTheLineAsTheValue() throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nENV JAVA_OPTS -Xmx1g  \"-Dx=a b\"");
    assertThat(recipe.environment()).containsEntry("JAVA_OPTS", "-Xmx1g  -Dx=a b");
  }

  @Test
  void envKeysAreSubstitutedToo() throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nARG PREFIX=APP\nENV ${PREFIX}_HOME=/app");
    assertThat(recipe.environment()).containsExactly(Map.entry("APP_HOME", "/app"));
  }

  static Stream<Arguments> variableScopes() {
    return Stream.of(
        Arguments.of("ARG V=default\nLABEL v=$V", Map.of(), "default"),
        Arguments.of("ARG V=default\nLABEL v=$V", Map.of("V", "given"), "given"),
        Arguments.of("LABEL v=$V\nARG V=default", Map.of(), ""),
        Arguments.of("ARG V\nLABEL v=${V:-unset}", Map.of(), "unset"),
        Arguments.of("ARG V\nLABEL v=${V-unset}", Map.of("V", ""), ""),
        Arguments.of("LABEL v=${V:-unset}", Map.of("V", "undeclared"), "unset"),
        Arguments.of("ARG V=arg\nENV V=env\nLABEL v=$V", Map.of(), "env"),
        Arguments.of("ARG V=arg\nENV V=env\nLABEL v=$V", Map.of("V", "given"), "env"),
        Arguments.of("ENV V=env\nARG V=arg\nLABEL v=$V", Map.of(), "arg"),
        Arguments.of("ARG A=1\nARG B=$A-2\nLABEL v=$B", Map.of(), "1-2"),
        Arguments.of("ARG A=1 B=${A}0\nLABEL v=$B", Map.of(), "10"),
        Arguments.of("ARG B=${JAVA_HOME}/bin\nLABEL v=$B", Map.of(), "/opt/java/bin"),
        Arguments.of("ARG JAVA_HOME=/mine\nLABEL v=$JAVA_HOME", Map.of(), "/mine"),
        Arguments.of("LABEL v=$GLOBAL", Map.of(), ""),
        Arguments.of("ARG GLOBAL\nLABEL v=$GLOBAL", Map.of(), "global"),
        Arguments.of("ARG GLOBAL=local\nLABEL v=$GLOBAL", Map.of(), "local"),
        Arguments.of("ARG GLOBAL\nLABEL v=$GLOBAL", Map.of("GLOBAL", "given"), "given"),
        Arguments.of("LABEL v=\"$PATH\"", Map.of(), "/usr/local/sbin:/usr/bin"),
        Arguments.of("LABEL v='$PATH'", Map.of(), "$PATH"),
        Arguments.of("LABEL v=\\$PATH", Map.of(), "$PATH"),
        Arguments.of("LABEL v=\"a   b\"", Map.of(), "a   b"));
  }

  @ParameterizedTest(name = "[{index}] {0} with {1}")
  @MethodSource("variableScopes")
  void substitutesWithBuildKitScoping(String stage, Map<String, String> buildArgs, String v)
      throws DockerfileException {
    ImageRecipe recipe = resolve("ARG GLOBAL=global\nFROM base\n" + stage, buildArgs);
    assertThat(recipe.labels()).containsEntry("v", v);
  }

  @Test
  void fromSeesOnlyArgsDeclaredBeforeIt() throws DockerfileException {
    String text = "ARG TAG=21\nARG IMAGE=temurin:${TAG}\nFROM ${IMAGE}-jre${PATH}\n";
    assertThat(resolve(text).baseImage()).isEqualTo("temurin:21-jre");
    assertThat(resolve(text, Map.of("TAG", "17")).baseImage()).isEqualTo("temurin:17-jre");
    assertThat(resolve(text, Map.of("IMAGE", "alpine")).baseImage()).isEqualTo("alpine-jre");
  }

  @Test
  void baseImageIsFetchedOnlyForUndefinedVariablesOnceAtMost() throws DockerfileException {
    Dockerfile selfContained =
        DockerfileParser.parse(
            "ARG V=1\nFROM base\nARG V\nENV A=$V\nWORKDIR /app\nCOPY a b\nLABEL l=$A",
            "Dockerfile");
    assertThat(DockerfileResolver.resolve(selfContained, Map.of(), UNUSED_BASE).copies())
        .extracting(CopyStep::workdir)
        .containsExactly("/app");

    CountingBase base = base();
    Dockerfile usesBase =
        DockerfileParser.parse("FROM base\nENV P=$PATH Q=$JAVA_HOME\nLABEL x=$NOPE", "Dockerfile");
    ImageRecipe recipe = DockerfileResolver.resolve(usesBase, Map.of(), base);
    assertThat(recipe.environment())
        .containsEntry("P", "/usr/local/sbin:/usr/bin")
        .containsEntry("Q", "/opt/java");
    assertThat(base.calls).hasValue(1);
  }

  @Test
  void execFormIsNotSubstitutedAndShellFormIsWrapped() throws DockerfileException {
    ImageRecipe recipe =
        resolve("FROM base\nENV A=x\nENTRYPOINT [\"echo\", \"$A\"]\nCMD echo $A \"quoted\"");
    assertThat(recipe.entrypoint()).containsExactly("echo", "$A");
    assertThat(recipe.cmd()).containsExactly("/bin/sh", "-c", "echo $A \"quoted\"");
  }

  // --- ENTRYPOINT and CMD -----------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CMD [\"a\"]|null|[a]",
        "ENTRYPOINT [\"e\"]|[e]|[]",
        "ENTRYPOINT [\"e\"]\\nCMD [\"c\"]|[e]|[c]",
        "CMD [\"c\"]\\nENTRYPOINT [\"e\"]|[e]|[c]",
        "CMD [\"c1\"]\\nCMD [\"c2\"]|null|[c2]",
        "ENTRYPOINT [\"e1\"]\\nENTRYPOINT [\"e2\"]|[e2]|[]",
        "ENTRYPOINT []|[]|[]",
        "USER app|null|null",
      })
  void lastEntrypointAndCmdWinAndEntrypointAloneClearsCmd(
      String lines, String entrypoint, String cmd) throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\n" + lines.replace("\\n", "\n"));
    assertThat(String.valueOf(recipe.entrypoint())).isEqualTo(entrypoint);
    assertThat(String.valueOf(recipe.cmd())).isEqualTo(cmd);
  }

  // --- EXPOSE, WORKDIR, VOLUME, COPY ------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] EXPOSE {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8080|[8080/tcp]",
        "53/udp 53/UDP|[53/udp]",
        "80/tcp 80|[80/tcp]",
        "8000-8002|[8000/tcp, 8001/tcp, 8002/tcp]",
        "9000-9001/sctp|[9000/sctp, 9001/sctp]",
        "$PORTS|[80/tcp, 443/tcp]",
        "${SINGLE}/udp|[5000/udp]",
        "80/|[80/tcp]",
        "0.0.0.0:8080:80|[80/tcp]",
      })
  void normalisesExposedPorts(String ports, String expected) throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nENV PORTS=\"80 443\" SINGLE=5000\nEXPOSE " + ports);
    assertThat(recipe.exposedPorts().toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "WORKDIR /app|/app",
        "WORKDIR app|/srv/app",
        "WORKDIR /app\\nWORKDIR lib/../bin|/app/bin",
        "WORKDIR /app/|/app",
        "WORKDIR //a/./b/|/a/b",
        "ENV D=/data\\nWORKDIR $D/x|/data/x",
        "WORKDIR \"/my dir\"|/my dir",
      })
  void resolvesWorkdirAgainstThePreviousOne(String lines, String expected)
      throws DockerfileException {
    assertThat(resolve("FROM base\n" + lines.replace("\\n", "\n")).workdir()).isEqualTo(expected);
  }

  @Test
  void copyStepsCarrySubstitutedValuesAndTheWorkdirInEffect() throws DockerfileException {
    CountingBase base = base();
    ImageRecipe recipe =
        DockerfileResolver.resolve(
            DockerfileParser.parse(
                "FROM base\n"
                    + "ARG UID=1000 MODE=0640\n"
                    + "COPY a /abs/\n"
                    + "ADD --chown=$UID:$UID --chmod=$MODE [\"x y.tar\", \"rel/\"]\n"
                    + "WORKDIR /app\n"
                    + "COPY *.jar lib/ ./\n",
                "Dockerfile"),
            Map.of(),
            base);

    assertThat(recipe.copies())
        .containsExactly(
            new CopyStep(
                false, List.of("a"), "/abs/", null, null, null, new Location("Dockerfile", 3)),
            new CopyStep(
                true,
                List.of("x y.tar"),
                "rel/",
                "1000:1000",
                "0640",
                "/srv",
                new Location("Dockerfile", 4)),
            new CopyStep(
                false,
                List.of("*.jar", "lib/"),
                "./",
                null,
                null,
                "/app",
                new Location("Dockerfile", 6)));
    assertThat(base.calls).hasValue(1);
  }

  @Test
  void volumesComeFromJsonOrWordsInOrderWithoutDuplicates() throws DockerfileException {
    ImageRecipe recipe =
        resolve("FROM base\nENV D=/data\nVOLUME [\"$D\", \"/logs\"]\nVOLUME /cache $D");
    assertThat(recipe.volumes()).containsExactly("/data", "/logs", "/cache");
  }

  @Test
  void userIsSubstitutedAndTheLastOneWins() throws DockerfileException {
    assertThat(resolve("FROM base\nUSER root\nARG U=app\nUSER $U:$U").user()).isEqualTo("app:app");
  }

  @Test
  void scratchIsABaseImageLikeAnyOther() throws DockerfileException {
    ImageRecipe recipe =
        DockerfileResolver.resolve(
            DockerfileParser.parse("FROM scratch\nCOPY app /app\n", "Dockerfile"),
            Map.of(),
            UNUSED_BASE);
    assertThat(recipe.baseImage()).isEqualTo("scratch");
    assertThat(recipe.fromLocation()).isEqualTo(new Location("Dockerfile", 1));
    assertThat(recipe.environment()).isEmpty();
    assertThat(recipe.entrypoint()).isNull();
    assertThat(recipe.cmd()).isNull();
    assertThat(recipe.workdir()).isNull();
  }

  // --- errors -----------------------------------------------------------------------------------

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "FROM base\nRUN apt-get update",
            Map.of(),
            "The daemonless engine cannot build RUN: 'RUN apt-get update' at Dockerfile:2; RUN"
                + " executes commands in a container; build this image with a Docker engine"),
        Arguments.of(
            "FROM base AS build\nFROM base\nCOPY --from=build /a /b",
            Map.of(),
            "The daemonless engine cannot build FROM: 'FROM base' at Dockerfile:2; a second FROM"
                + " starts a multi-stage build, whose stages run in a container engine; build this"
                + " image with a Docker engine"),
        Arguments.of(
            "FROM base\nARG SRC\nADD $SRC /opt/",
            Map.of("SRC", "https://example.com/a.tgz"),
            "The daemonless engine cannot build ADD: 'ADD $SRC /opt/' at Dockerfile:3; ADD"
                + " https://example.com/a.tgz downloads a URL or git repository during the build;"
                + " build this image with a Docker engine"),
        Arguments.of(
            "FROM base\nCOPY https://example.com/a.tgz /opt/",
            Map.of(),
            "COPY cannot fetch a URL: 'https://example.com/a.tgz' at Dockerfile:2; copy files"
                + " from the build context, or use ADD for a URL"),
        Arguments.of(
            "FROM base\nARG MODE=rwx\nCOPY --chmod=$MODE a b",
            Map.of(),
            "Invalid --chmod for COPY: 'rwx' at Dockerfile:3; give the mode in octal, e.g."
                + " --chmod=0755"),
        Arguments.of(
            "ARG BASE\nFROM $BASE",
            Map.of(),
            "FROM names no image once substituted: '$BASE' at Dockerfile:2; declare the variable"
                + " with a default before FROM (ARG NAME=<image>) or pass it as a build argument"),
        Arguments.of(
            "FROM base\nLABEL version=${VERSION",
            Map.of(),
            "Unterminated variable substitution in LABEL: '${VERSION' at Dockerfile:2; close '${'"
                + " with '}'"),
        Arguments.of(
            "FROM base\nENV A=${VERSION:?}",
            Map.of(),
            "Variable VERSION is not set in ENV: '${VERSION:?}' at Dockerfile:2; set VERSION with"
                + " ARG or ENV, or pass it as a build argument"),
        Arguments.of(
            "FROM base\nCOPY \"my file\" /app/",
            Map.of(),
            "Unterminated double quote in COPY: '\"my' at Dockerfile:2; close the quote with \""),
        Arguments.of(
            "FROM base\nEXPOSE 70000",
            Map.of(),
            "Invalid port in EXPOSE: '70000' at Dockerfile:2; write <port>[/tcp|udp|sctp] with"
                + " ports up to 65535, or a range such as 8000-8010"),
        Arguments.of(
            "FROM base\nEXPOSE 80/http",
            Map.of(),
            "Invalid port in EXPOSE: '80/http' at Dockerfile:2; write <port>[/tcp|udp|sctp] with"
                + " ports up to 65535, or a range such as 8000-8010"),
        Arguments.of(
            "FROM base\nEXPOSE 9-1",
            Map.of(),
            "Invalid port in EXPOSE: '9-1' at Dockerfile:2; write <port>[/tcp|udp|sctp] with ports"
                + " up to 65535, or a range such as 8000-8010"),
        Arguments.of(
            "FROM base\nVOLUME $NOTHING",
            Map.of(),
            "Empty path in VOLUME: '$NOTHING' at Dockerfile:2; give each volume a path, e.g."
                + " VOLUME /data"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("errors")
  void rejectsWithAnExactMessage(String text, Map<String, String> buildArgs, String message) {
    assertThatThrownBy(() -> resolve(text, buildArgs))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(message);
  }

  @Test
  void recipeCollectionsCannotBeModified() throws DockerfileException {
    ImageRecipe recipe = resolve("FROM base\nENV A=1\nLABEL b=2\nEXPOSE 1\nCOPY a b\nVOLUME /v");
    List<Runnable> mutations = new ArrayList<>();
    mutations.add(() -> recipe.environment().put("x", "y"));
    mutations.add(() -> recipe.labels().put("x", "y"));
    mutations.add(() -> recipe.exposedPorts().add("x"));
    mutations.add(() -> recipe.copies().clear());
    mutations.add(() -> recipe.volumes().add("x"));
    for (Runnable mutation : mutations) {
      assertThatThrownBy(mutation::run).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(new LinkedHashMap<>(recipe.environment())).containsExactly(Map.entry("A", "1"));
  }
}
