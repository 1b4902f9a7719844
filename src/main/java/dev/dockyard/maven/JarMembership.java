package dev.dockyard.maven;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;

/**
 * Which image modules of the reactor use each release jar: resolved once per reactor for every
 * image module, whether selected by {@code -Ddockyard.modules} or not, so that a selective build
 * lays out the very same layers as a build of all modules.
 */
final class JarMembership {

  private final Map<String, SortedSet<String>> members;
  private final Set<String> reactorModules;

  private JarMembership(Map<String, SortedSet<String>> members, Set<String> reactorModules) {
    this.members = members;
    this.reactorModules = reactorModules;
  }

  /** Resolves the runtime jars of these image modules. */
  static JarMembership resolve(
      MavenSession session,
      List<MavenProject> imageModules,
      ProjectDependenciesResolver resolver,
      Log log) {
    Set<String> reactor =
        session.getAllProjects().stream()
            .map(p -> p.getGroupId() + ":" + p.getArtifactId())
            .collect(Collectors.toUnmodifiableSet());
    Map<String, SortedSet<String>> members = new HashMap<>();
    for (MavenProject module : imageModules) {
      DefaultDependencyResolutionRequest request =
          new DefaultDependencyResolutionRequest(module, session.getRepositorySession());
      // Only what runs; aether-util's filters are not visible to plugins.
      request.setResolutionFilter(
          (node, parents) ->
              node.getDependency() == null
                  || ApplicationLayout.RUNTIME_SCOPES.contains(node.getDependency().getScope()));
      DependencyResolutionResult result;
      try {
        result = resolver.resolve(request);
      } catch (DependencyResolutionException e) {
        // Typically a reactor module not packaged yet: its coordinates are all we need.
        log.debug("Partial dependency resolution of " + module.getArtifactId() + ": " + e);
        result = e.getResult();
      }
      if (result == null) {
        continue;
      }
      boolean boot = ApplicationLayout.isBoot(module);
      for (Dependency dependency : result.getDependencies()) {
        org.eclipse.aether.artifact.Artifact artifact = dependency.getArtifact();
        if (boot
            && ApplicationLayout.leftOutByBoot(
                dependency.isOptional(), artifact.getGroupId(), artifact.getArtifactId())) {
          continue;
        }
        members
            .computeIfAbsent(
                coordinate(
                    artifact.getGroupId(),
                    artifact.getArtifactId(),
                    artifact.getVersion(),
                    artifact.getClassifier(),
                    artifact.getExtension()),
                c -> new TreeSet<>())
            .add(module.getId());
      }
    }
    members.replaceAll((c, users) -> Collections.unmodifiableSortedSet(users));
    return new JarMembership(Map.copyOf(members), reactor);
  }

  /** The image modules that use this jar; empty when none was found to. */
  SortedSet<String> membersOf(String coordinate) {
    return members.getOrDefault(coordinate, Collections.emptySortedSet());
  }

  /** True for an artifact that a module of this reactor builds. */
  boolean isReactorModule(Artifact artifact) {
    return reactorModules.contains(artifact.getGroupId() + ":" + artifact.getArtifactId());
  }

  static String coordinate(Artifact artifact) {
    return coordinate(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getVersion(),
        artifact.getClassifier(),
        artifact.getArtifactHandler() == null
            ? artifact.getType()
            : artifact.getArtifactHandler().getExtension());
  }

  private static String coordinate(
      String groupId, String artifactId, String version, String classifier, String extension) {
    return groupId
        + ":"
        + artifactId
        + ":"
        + (extension == null ? "jar" : extension)
        + ":"
        + (classifier == null ? "" : classifier)
        + ":"
        + version;
  }
}
