package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DependencyJarTest {

  private static DependencyJar jar(String classifier, String type, String extension, String file) {
    return new DependencyJar(
        "org.example",
        "core",
        "1.2.3",
        classifier,
        type,
        extension,
        "compile",
        false,
        false,
        Path.of("repo", file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "null",
      value = {
        "a release jar is named by artifactId and version, null, jar, false, core-1.2.3.jar,"
            + " core-1.2.3.jar",
        "a reactor module's jar carries no version, null, jar, true, core-1.2.3.jar, core.jar",
        "the classifier follows the version, linux-x86_64, jar, false,"
            + " core-1.2.3-linux-x86_64.jar, core-1.2.3-linux-x86_64.jar",
        "the classifier follows the name of a reactor jar, tests, jar, true, core-tests.jar,"
            + " core-tests.jar",
        "an empty classifier adds nothing, '', jar, false, core-1.2.3.jar, core-1.2.3.jar",
        "a test-jar ends in jar whatever its file is called, tests, test-jar, false, classes,"
            + " core-1.2.3-tests.jar",
        "other types keep the file's extension, null, zip, false, core-1.2.3.zip, core-1.2.3.zip",
        "a file without extension is taken for a jar, null, jar, false, core, core-1.2.3.jar",
        "the extension is the file's last one, null, tar.gz, false, core-1.2.3.tar.gz,"
            + " core-1.2.3.gz",
      })
  void namesTheJarInTheImage(
      String why, String classifier, String type, boolean reactor, String file, String name) {
    assertThat(jar(classifier, type, null, file).nameInImage(reactor)).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "null",
      value = {
        "a plain jar, null, jar, org.example:core:jar::1.2.3",
        "an unknown extension counts as jar, null, null, org.example:core:jar::1.2.3",
        "the classifier comes before the version, tests, jar, org.example:core:jar:tests:1.2.3",
        "the extension is not the type, '', zip, org.example:core:zip::1.2.3",
      })
  void knowsAJarByItsCoordinate(
      String why, String classifier, String extension, String coordinate) {
    assertThat(jar(classifier, "jar", extension, "core.jar").coordinate()).isEqualTo(coordinate);
  }

  @Test
  void isKnownToTheReactorByGroupAndArtifact() {
    assertThat(jar(null, "jar", "jar", "core.jar").key()).isEqualTo("org.example:core");
  }
}
