package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class ApplicationLayoutJarNameTest {

  private static Artifact artifact(String type, String classifier) {
    return new DefaultArtifact(
        "org.example",
        "core",
        "1.2.3",
        "compile",
        type,
        classifier,
        new DefaultArtifactHandler(type));
  }

  @Test
  void releaseJarIsNamedByArtifactIdAndVersion() {
    assertThat(ApplicationLayout.jarName(artifact("jar", null), Path.of("core-1.2.3.jar"), false))
        .isEqualTo("core-1.2.3.jar");
  }

  @Test
  void reactorModuleJarCarriesNoVersion() {
    assertThat(ApplicationLayout.jarName(artifact("jar", null), Path.of("core-1.2.3.jar"), true))
        .isEqualTo("core.jar");
  }

  @Test
  void classifierFollowsTheVersion() {
    assertThat(
            ApplicationLayout.jarName(
                artifact("jar", "linux-x86_64"), Path.of("core-1.2.3-linux-x86_64.jar"), false))
        .isEqualTo("core-1.2.3-linux-x86_64.jar");
  }

  @Test
  void testJarEndsInJarWhateverTheFileIsCalled() {
    assertThat(ApplicationLayout.jarName(artifact("test-jar", "tests"), Path.of("classes"), false))
        .isEqualTo("core-1.2.3-tests.jar");
  }

  @Test
  void otherTypesKeepTheFilesExtension() {
    assertThat(ApplicationLayout.jarName(artifact("zip", ""), Path.of("core-1.2.3.zip"), false))
        .isEqualTo("core-1.2.3.zip");
  }
}
