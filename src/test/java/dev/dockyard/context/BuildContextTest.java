package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.dockerfile.DockerfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's .dockerignore rules, checked path by path against a real context directory. */
class BuildContextTest {

  private static final String IGNORE_FILE =
      String.join(
          "\n",
          "# build output stays out",
          "#notes",
          "",
          "*.md",
          "!README.md",
          "**/*.log",
          "   target   ",
          "!target/app.jar",
          "/secret",
          "./docs//tmp/",
          "cache/../build",
          "  ! keep.log  ");

  @TempDir Path root;

  @ParameterizedTest(name = "{0} ignored: {1}")
  @CsvSource({
    "CHANGELOG.md, true",
    "README.md, false",
    "docs/guide.md, false",
    "app.log, true",
    "logs/deep/server.log, true",
    "keep.log, false",
    "target, true",
    "target/classes/Main.class, true",
    "target/app.jar, false",
    "secret, true",
    "secret/key.pem, true",
    "config/secret, false",
    "docs/tmp/draft.txt, true",
    "docs/tmpfile, false",
    "build/out.bin, true",
    "cache, false",
    "#notes, false",
    "src/main/java/Main.java, false",
    "/CHANGELOG.md, true",
    "./target/classes, true",
  })
  void appliesDockerPatternRulesToEachPath(String path, boolean ignored) throws Exception {
    Files.writeString(root.resolve(".dockerignore"), IGNORE_FILE);

    assertThat(BuildContext.open(root).isIgnored(path)).isEqualTo(ignored);
  }

  @Test
  void lastMatchingLineDecides() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "*.md\n!README*.md\nREADME-secret.md\n");
    BuildContext context = BuildContext.open(root);

    assertThat(context.isIgnored("README-secret.md")).isTrue();
    assertThat(context.isIgnored("README-public.md")).isFalse();
    assertThat(context.isIgnored("NOTES.md")).isTrue();
  }

  @Test
  void exceptionListedBeforeTheExclusionHasNoEffect() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "!README.md\n*.md\n");

    assertThat(BuildContext.open(root).isIgnored("README.md")).isTrue();
  }

  @Test
  void aLiteralPatternMatchesExactlyItsPath() throws Exception {
    String odd = "out/[v1]*?/Docker\\file";
    Files.writeString(root.resolve(".dockerignore"), BuildContext.literalPattern(odd) + "\n");
    BuildContext context = BuildContext.open(root);

    assertThat(BuildContext.literalPattern(odd)).isEqualTo("out/\\[v1]\\*\\?/Docker\\\\file");
    assertThat(context.isIgnored(odd)).isTrue();
    assertThat(context.isIgnored("out/v*?/Docker\\file")).isFalse();
    assertThat(context.isIgnored("out/[v1]ab/Docker\\file")).isFalse();
  }

  @Test
  void contextWithoutIgnoreFileHidesNothing() throws Exception {
    BuildContext context = BuildContext.open(root);

    assertThat(context.isIgnored("target/app.jar")).isFalse();
    assertThat(context.isIgnored(".")).isFalse();
    assertThat(context.root()).isEqualTo(root.toAbsolutePath().normalize());
  }

  @Test
  void theDockerfilesOwnIgnoreFileTakesThePlaceOfTheContexts() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "*.md\n");
    Path dockerfile =
        Files.createDirectories(root.resolve("target/dockyard")).resolve("Dockerfile");
    Files.writeString(BuildContext.ignoreFileOf(dockerfile), "*.log\n");

    BuildContext context = BuildContext.open(root, dockerfile);

    assertThat(context.isIgnored("app.log")).isTrue();
    assertThat(context.isIgnored("README.md")).isFalse();
    assertThat(BuildContext.ignoreFileOf(dockerfile).getFileName())
        .hasToString("Dockerfile.dockerignore");
  }

  @Test
  void withoutItsOwnIgnoreFileADockerfileUsesTheContexts() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "*.md\n");

    BuildContext context = BuildContext.open(root, root.resolve("other/Dockerfile"));

    assertThat(context.isIgnored("README.md")).isTrue();
  }

  @Test
  void anInvalidOwnIgnoreFileIsNamedInTheError() throws Exception {
    Path dockerfile = root.resolve("Dockerfile");
    Files.writeString(BuildContext.ignoreFileOf(dockerfile), "ok\n!\n");

    assertThatThrownBy(() -> BuildContext.open(root, dockerfile))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Invalid .dockerignore pattern: '!' at Dockerfile.dockerignore:2; write the path to"
                + " re-include after '!', for example '!README.md'");
  }

  @Test
  void rejectsBareExclamationMarkLikeDocker() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "*.md\n  !  \n");

    assertThatThrownBy(() -> BuildContext.open(root))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Invalid .dockerignore pattern: '!' at .dockerignore:2; write the path to re-include"
                + " after '!', for example '!README.md'");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "a//b/./c/, a/b/c",
    "./a, a",
    "a/../../b, ../b",
    "/../a, /a",
    "'', .",
    "/, /",
  })
  void cleansPathsLikeGo(String path, String cleaned) {
    assertThat(BuildContext.clean(path)).isEqualTo(cleaned);
  }
}
