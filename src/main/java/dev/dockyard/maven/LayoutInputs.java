package dev.dockyard.maven;

import dev.dockyard.layout.ApplicationLayout;
import dev.dockyard.layout.DependencyJar;
import dev.dockyard.layout.RuntimeClasspath;
import java.nio.file.Path;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** A Maven module and its resolved artifacts, as the application layout reads them. */
final class LayoutInputs {

  private LayoutInputs() {}

  /** The module with its resolved dependencies, in Maven's classpath order. */
  static ApplicationLayout.Module module(MavenProject project) {
    return new ApplicationLayout.Module(
        project.getId(),
        project.getBasedir().toPath(),
        Path.of(project.getBuild().getOutputDirectory()),
        isBoot(project),
        project.getArtifacts().stream().map(LayoutInputs::jar).toList());
  }

  /** A resolved artifact; its extension is its handler's, else its type. */
  static DependencyJar jar(Artifact artifact) {
    return new DependencyJar(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getVersion(),
        artifact.getClassifier(),
        artifact.getType(),
        artifact.getArtifactHandler() == null
            ? artifact.getType()
            : artifact.getArtifactHandler().getExtension(),
        artifact.getScope(),
        artifact.isOptional(),
        artifact.isSnapshot(),
        artifact.getFile() == null ? null : artifact.getFile().toPath());
  }

  /** True for a module built with spring-boot-maven-plugin. */
  static boolean isBoot(MavenProject project) {
    return project.getPlugin(RuntimeClasspath.BOOT_PLUGIN) != null;
  }
}
