package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.layout.ApplicationLayout;
import dev.dockyard.layout.DependencyJar;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutInputsTest {

  @TempDir Path dir;

  private static DefaultArtifact artifact(
      String artifactId, String version, String type, String classifier, String extension) {
    DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
    handler.setExtension(extension);
    return new DefaultArtifact(
        "org.example", artifactId, version, "runtime", type, classifier, handler);
  }

  @Test
  void readsEverythingTheLayoutNeedsFromAnArtifact() {
    DefaultArtifact artifact = artifact("core", "1.2.3", "test-jar", "tests", "jar");
    artifact.setOptional(true);
    artifact.setFile(new File("repo/core-1.2.3-tests.jar"));

    assertThat(LayoutInputs.jar(artifact))
        .isEqualTo(
            new DependencyJar(
                "org.example",
                "core",
                "1.2.3",
                "tests",
                "test-jar",
                "jar",
                "runtime",
                true,
                false,
                Path.of("repo/core-1.2.3-tests.jar")));
  }

  @Test
  void aTimestampedSnapshotIsASnapshotNamedByItsTimestamp() {
    DefaultArtifact artifact = artifact("core", "1.0-20240101.101010-3", "jar", null, "jar");
    artifact.setFile(new File("core-1.0-20240101.101010-3.jar"));

    DependencyJar jar = LayoutInputs.jar(artifact);

    assertThat(jar.snapshot()).isTrue();
    assertThat(jar.nameInImage(false)).isEqualTo("core-1.0-20240101.101010-3.jar");
  }

  @Test
  void theExtensionIsTheHandlersOrElseTheType() {
    Artifact withoutHandler = artifact("core", "1.0", "zip", null, "ignored");
    withoutHandler.setArtifactHandler(null);

    assertThat(LayoutInputs.jar(withoutHandler).coordinate())
        .isEqualTo("org.example:core:zip::1.0");
    assertThat(LayoutInputs.jar(artifact("core", "1.0", "test-jar", "tests", "jar")).coordinate())
        .isEqualTo("org.example:core:jar:tests:1.0");
  }

  @Test
  void anArtifactNotResolvedHasNoFile() {
    assertThat(LayoutInputs.jar(artifact("core", "1.0", "jar", null, "jar")).file()).isNull();
  }

  @Test
  void aModuleGivesItsIdFoldersAndArtifactsInClasspathOrder() {
    MavenProject project = project();
    LinkedHashSet<Artifact> artifacts = new LinkedHashSet<>();
    artifacts.add(artifact("zeta", "1.0", "jar", null, "jar"));
    artifacts.add(artifact("alpha", "1.0", "jar", null, "jar"));
    project.setArtifacts(artifacts);

    ApplicationLayout.Module module = LayoutInputs.module(project);

    assertThat(module.id()).isEqualTo("it:orders:jar:1.0");
    assertThat(module.basedir()).isEqualTo(dir);
    assertThat(module.outputDirectory()).isEqualTo(dir.resolve("target/classes"));
    assertThat(module.boot()).isFalse();
    assertThat(module.dependencies())
        .extracting(DependencyJar::artifactId)
        .containsExactly("zeta", "alpha");
  }

  @Test
  void aModuleBuiltWithSpringBootsPluginIsABootModule() {
    MavenProject project = project();
    Plugin plugin = new Plugin();
    plugin.setGroupId("org.springframework.boot");
    plugin.setArtifactId("spring-boot-maven-plugin");
    project.getBuild().addPlugin(plugin);

    assertThat(LayoutInputs.isBoot(project)).isTrue();
    assertThat(LayoutInputs.module(project).boot()).isTrue();
    assertThat(LayoutInputs.isBoot(project())).isFalse();
  }

  private MavenProject project() {
    MavenProject project = new MavenProject();
    project.setGroupId("it");
    project.setArtifactId("orders");
    project.setVersion("1.0");
    project.setPackaging("jar");
    project.setFile(dir.resolve("pom.xml").toFile());
    project.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    return project;
  }
}
