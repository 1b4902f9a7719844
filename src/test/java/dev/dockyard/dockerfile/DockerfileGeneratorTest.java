package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated Dockerfiles against golden files, and the settings they refuse. */
class DockerfileGeneratorTest {

  @Test
  void generatesTheMinimalDockerfileFromBaseImageAndMainClass() throws Exception {
    Spec spec = new Spec().from("eclipse-temurin:17-jre").mainClass("com.example.App");

    assertThat(generate(spec.build())).isEqualTo(golden("minimal"));
  }

  @Test
  void generatesEveryInstructionInItsPlaceWhenEverythingIsSet() throws Exception {
    Spec spec =
        new Spec()
            .from("127.0.0.1:5000/java:17")
            .port("8080")
            .port("9090/UDP")
            .label("org.opencontainers.image.title", "order-service")
            .label("org.opencontainers.image.version", "1.4.0")
            .env("SPRING_PROFILES_ACTIVE", "prod")
            .env("TZ", "UTC")
            .jvmFlags("-Xmx512m", "-XX:+UseZGC")
            .user("1000:1000")
            .workdir("/srv/order/")
            .cmd("--server.port=8080", "--spring.main.banner-mode=off")
            .mainClass("com.example.order.OrderApplication")
            .folders(
                "target/dockyard/libs",
                "target/dockyard/snapshot-libs",
                "target/dockyard/resources",
                "target/dockyard/classes/");

    assertThat(generate(spec.build())).isEqualTo(golden("everything"));
  }

  @Test
  void quotesValuesSoDockerReadsThemLiterally() throws Exception {
    Spec spec =
        new Spec()
            .from("eclipse-temurin:17-jre")
            .label("com.example.description", "He said \"hi\" & left $HOME at C:\\temp")
            .label("my label", "a b")
            .label("odd\"name", "${project.version}")
            .env("JAVA_TOOL_OPTIONS", "-Dfoo=\"bar baz\" -Dx=$Y")
            .env("PATHISH", "${PATH}:/opt/bin")
            .env("TRAILING", "ends with backslash\\")
            .env("EMPTY", null)
            .env("GREETING", "Zo\u00eb says 'hi'")
            .jvmFlags(
                "-Dgreeting=hello \"world\"",
                "-Dpath=C:\\temp",
                "-Dtab=a\tb",
                "-Dvar=$HOME",
                " ",
                "-Dname=Zo\u00eb")
            .cmd("--msg=line1\nline2", "", "\u0001")
            .mainClass("com.example.Main$Inner")
            .folders(null, " ", "", "target/dockyard/classes");

    assertThat(generate(spec.build())).isEqualTo(golden("quoting"));
  }

  static Stream<Arguments> entrypoints() {
    return Stream.of(
        Arguments.of(
            new Spec().from("scratch").entrypoint("/app/run.sh", "--fast").mainClass(null),
            List.of("ENTRYPOINT [\"/app/run.sh\", \"--fast\"]")),
        Arguments.of(
            new Spec()
                .from("scratch")
                .entrypoint("java", "-jar", "/app/app.jar")
                .jvmFlags("-Xmx1g")
                .mainClass("ignored.Main")
                .cmd("serve"),
            List.of("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]", "CMD [\"serve\"]")),
        Arguments.of(
            new Spec().from("scratch").workdir("/").mainClass("a.B"),
            List.of(
                "WORKDIR /",
                "ENTRYPOINT [\"java\", \"-cp\", \"/resources:/classes:/libs/*\", \"a.B\"]")),
        Arguments.of(
            new Spec()
                .from("scratch")
                .workdir("/")
                .mainClass("a.B")
                .folders("libs", null, null, null),
            List.of("COPY libs/ /libs/")),
        Arguments.of(
            new Spec().from("scratch").mainClass(" a.B ").cmd(),
            List.of(
                "ENTRYPOINT [\"java\", \"-cp\", \"/app/resources:/app/classes:/app/libs/*\", \"a.B\"]")));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("entrypoints")
  void writesTheEntrypointAsValidExecFormJson(Spec spec, List<String> expectedLines)
      throws DockerfileGeneratorException {
    List<String> lines = generate(spec.build()).lines().toList();

    assertThat(lines).containsSubsequence(expectedLines);
    assertThat(lines.stream().filter(l -> l.startsWith("ENTRYPOINT "))).hasSize(1);
  }

  @Test
  void omitsLinesForSettingsThatAreNotSet() throws DockerfileGeneratorException {
    String dockerfile = generate(new Spec().from("scratch").mainClass("a.B").build());

    assertThat(dockerfile)
        .doesNotContain("LABEL", "ENV", "EXPOSE", "COPY", "USER", "CMD")
        .startsWith(DockerfileGenerator.HEADER + "\n")
        .endsWith("\n");
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of(
            new Spec().from(" ").mainClass("a.B"),
            "Missing base image: '' at <from> / -Ddockyard.from; set the image the application"
                + " runs on, e.g. eclipse-temurin:17-jre"),
        Arguments.of(
            new Spec().from("eclipse temurin").mainClass("a.B"),
            "Invalid base image: 'eclipse temurin' at <from> / -Ddockyard.from; an image"
                + " reference has no spaces, quotes, $ or \\, e.g. eclipse-temurin:17-jre"),
        Arguments.of(
            new Spec().from("java:${TAG}").mainClass("a.B"),
            "Invalid base image: 'java:${TAG}' at <from> / -Ddockyard.from; an image reference"
                + " has no spaces, quotes, $ or \\, e.g. eclipse-temurin:17-jre"),
        Arguments.of(
            new Spec().from("scratch").mainClass(null),
            "Missing main class: '' at <mainClass> / -Ddockyard.mainClass; set <mainClass> to the"
                + " class java starts, or <entrypoint> to start the container your own way"),
        Arguments.of(
            new Spec().from("scratch").mainClass("com.example."),
            "Invalid main class: 'com.example.' at <mainClass> / -Ddockyard.mainClass; write a"
                + " fully qualified class name, e.g. com.example.Application"),
        Arguments.of(
            new Spec().from("scratch").mainClass("com.example.App --debug"),
            "Invalid main class: 'com.example.App --debug' at <mainClass> /"
                + " -Ddockyard.mainClass; write a fully qualified class name, e.g."
                + " com.example.Application"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").port("8080").port("80a"),
            portMessage("80a")),
        Arguments.of(new Spec().from("scratch").mainClass("a.B").port("0"), portMessage("0")),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").port("65536"), portMessage("65536")),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").port("8080/http"),
            portMessage("8080/http")),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").port("8000-8010"),
            portMessage("8000-8010")),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").env("MY VAR", "x"),
            "Invalid environment variable name: 'MY VAR' at <env> / -Ddockyard.env.NAME; names are"
                + " letters, digits, _ . and -, starting with a letter or _"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").env("1ST", "x"),
            "Invalid environment variable name: '1ST' at <env> / -Ddockyard.env.NAME; names are"
                + " letters, digits, _ . and -, starting with a letter or _"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").env("A=B", "x"),
            "Invalid environment variable name: 'A=B' at <env> / -Ddockyard.env.NAME; names are"
                + " letters, digits, _ . and -, starting with a letter or _"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").env("MOTD", "hello\nworld"),
            "Line break in environment value: 'hello\\nworld' at <env><MOTD> / -Ddockyard.env.MOTD; a"
                + " Dockerfile environment value is one line; remove the line break"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").label("a=b", "x"),
            "Invalid label name: 'a=b' at <labels> / -Ddockyard.label.NAME; label names are not empty"
                + " and contain no '=' and no line break, e.g. org.opencontainers.image.title"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").label(" ", "x"),
            "Invalid label name: '' at <labels> / -Ddockyard.label.NAME; label names are not empty"
                + " and contain no '=' and no line break, e.g. org.opencontainers.image.title"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").label("notes", "a\r\nb"),
            "Line break in label value: 'a\\r\\nb' at <labels><notes> / -Ddockyard.label.notes; a"
                + " Dockerfile label value is one line; remove the line break"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").user("app user"),
            "Invalid user: 'app user' at <user> / -Ddockyard.user; write a user name or uid,"
                + " optionally followed by :group or :gid, e.g. 1000:1000"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").user("$APP_USER"),
            "Invalid user: '$APP_USER' at <user> / -Ddockyard.user; write a user name or uid,"
                + " optionally followed by :group or :gid, e.g. 1000:1000"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").workdir("app"),
            "Invalid workdir: 'app' at <workdir> / -Ddockyard.workdir; write an absolute path of"
                + " letters, digits and _ . / @ + -, e.g. /app"),
        Arguments.of(
            new Spec().from("scratch").mainClass("a.B").workdir("/my app"),
            "Invalid workdir: '/my app' at <workdir> / -Ddockyard.workdir; write an absolute path"
                + " of letters, digits and _ . / @ + -, e.g. /app"));
  }

  private static String portMessage(String port) {
    return "Invalid port: '"
        + port
        + "' at <ports> / -Ddockyard.ports; write a port number from 1 to 65535, optionally"
        + " followed by /tcp, /udp or /sctp, e.g. 8080 or 8080/udp";
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("invalidSpecs")
  void rejectsSettingsADockerfileCannotExpress(Spec spec, String message) {
    assertThatThrownBy(() -> generate(spec.build()))
        .isInstanceOf(DockerfileGeneratorException.class)
        .satisfies(e -> assertThat(Rendered.message(e)).isEqualTo(message));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs/libs", "../libs", "target/../../libs", "my libs", "libs$x"})
  void refusesFoldersThatAreNotPlainContextRelativePaths(String folder) {
    Spec spec = new Spec().from("scratch").mainClass("a.B").folders(folder, null, null, null);

    assertThatThrownBy(() -> generate(spec.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a plain context-relative folder: " + folder);
  }

  @Test
  void listsTheJarsOnTheClasspathInTheGivenOrder() throws Exception {
    String dockerfile =
        generate(
            new Spec()
                .from("scratch")
                .mainClass("a.B")
                .classpathJars("spring-core-6.1.jar", "a-lib-1.0.jar")
                .build());

    assertThat(dockerfile)
        .contains(
            "ENTRYPOINT [\"java\", \"-cp\", \"/app/resources:/app/classes"
                + ":/app/libs/spring-core-6.1.jar:/app/libs/a-lib-1.0.jar\", \"a.B\"]");
  }

  @Test
  void copiesResourcesThatChangeEveryBuildInTheLastLayer() throws Exception {
    String dockerfile =
        generate(
            new Spec()
                .from("scratch")
                .mainClass("a.B")
                .folders(null, null, "app/stable-resources", "app/classes")
                .volatileResources("app/volatile-resources")
                .build());

    assertThat(dockerfile)
        .contains(
            "COPY app/stable-resources/ /app/resources/\n"
                + "COPY app/classes/ /app/classes/\n"
                + "COPY app/volatile-resources/ /app/resources/\n");
  }

  @Test
  void defaultsTheWorkdirAndCopiesCollections() {
    List<String> ports = new ArrayList<>(List.of("8080"));
    ImageSettings spec =
        new ImageSettings("scratch", ports, null, null, null, " ", null, null, null, "a.B");
    ports.add("9090");

    assertThat(spec.workdir()).isEqualTo(ImageSettings.DEFAULT_WORKDIR);
    assertThat(spec.ports()).containsExactly("8080");
    assertThat(spec.env()).isEmpty();
    assertThat(spec.user()).isNull();
    assertThat(spec.entrypoint()).isEmpty();
  }

  /** What the generator is given: the user's settings and the laid-out folders. */
  record Generated(ImageSettings image, ApplicationFolders app) {}

  private static String generate(Generated spec) throws DockerfileGeneratorException {
    return DockerfileGenerator.generate(spec.image(), spec.app());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        DockerfileGeneratorTest.class.getResourceAsStream("/generator/" + name + ".Dockerfile")) {
      assertThat(in).as("golden file generator/%s.Dockerfile", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Builds specs for the tests; one per test, never shared. */
  static final class Spec {
    private String from;
    private final List<String> ports = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private List<String> jvmFlags = List.of();
    private String user;
    private String workdir;
    private List<String> entrypoint = List.of();
    private List<String> cmd = List.of();
    private String mainClass;
    private String[] folders = new String[4];
    private String volatileResources;
    private List<String> classpathJars;

    Spec from(String value) {
      return with(s -> s.from = value);
    }

    Spec port(String value) {
      return with(s -> s.ports.add(value));
    }

    Spec env(String name, String value) {
      return with(s -> s.env.put(name, value));
    }

    Spec label(String name, String value) {
      return with(s -> s.labels.put(name, value));
    }

    Spec jvmFlags(String... values) {
      return with(s -> s.jvmFlags = Arrays.asList(values));
    }

    Spec user(String value) {
      return with(s -> s.user = value);
    }

    Spec workdir(String value) {
      return with(s -> s.workdir = value);
    }

    Spec entrypoint(String... values) {
      return with(s -> s.entrypoint = Arrays.asList(values));
    }

    Spec cmd(String... values) {
      return with(s -> s.cmd = Arrays.asList(values));
    }

    Spec mainClass(String value) {
      return with(s -> s.mainClass = value);
    }

    Spec classpathJars(String... jars) {
      return with(s -> s.classpathJars = List.of(jars));
    }

    Spec volatileResources(String folder) {
      return with(s -> s.volatileResources = folder);
    }

    Spec folders(String libs, String snapshotLibs, String resources, String classes) {
      return with(s -> s.folders = new String[] {libs, snapshotLibs, resources, classes});
    }

    private Spec with(Consumer<Spec> change) {
      change.accept(this);
      return this;
    }

    Generated build() {
      return new Generated(
          new ImageSettings(
              from, ports, env, labels, jvmFlags, user, workdir, entrypoint, cmd, mainClass),
          new ApplicationFolders(
              folders[0] == null ? null : List.of(folders[0]),
              folders[1],
              folders[2],
              folders[3],
              volatileResources,
              classpathJars));
    }

    @Override
    public String toString() {
      return "from="
          + from
          + " ports="
          + ports
          + " env="
          + env
          + " labels="
          + labels
          + " user="
          + user
          + " workdir="
          + workdir
          + " mainClass="
          + mainClass;
    }
  }
}
