package dev.dockyard.maven;

import dev.dockyard.layout.DependencyJar;
import dev.dockyard.layout.JarMembership;
import dev.dockyard.layout.ReactorModule;
import dev.dockyard.layout.RuntimeClasspath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.artifact.ArtifactProperties;

/**
 * The reactor's {@link JarMembership} from Maven: the modules' POMs for the cache key, Maven's
 * resolver for the jars of every image module.
 */
final class MembershipResolver {

  private MembershipResolver() {}

  /** The membership of these image modules, from the cache when the POMs allow (see the core). */
  static JarMembership cached(
      MavenSession session,
      List<MavenProject> imageModules,
      ProjectDependenciesResolver resolver,
      Log log,
      Path cache) {
    return JarMembership.cached(
        session.getAllProjects().stream().map(MembershipResolver::reactorModule).toList(),
        imageModules.stream().map(MavenProject::getId).toList(),
        cache,
        () -> resolve(session, imageModules, resolver, log),
        cacheLog(log));
  }

  /** A module of the reactor: its declared dependencies, then its managed ones. */
  static ReactorModule reactorModule(MavenProject project) {
    List<Dependency> declared = new ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      // Managed versions apply to transitive dependencies too.
      declared.addAll(project.getDependencyManagement().getDependencies());
    }
    return new ReactorModule(
        project.getId(),
        project.getGroupId(),
        project.getArtifactId(),
        LayoutInputs.isBoot(project),
        declared.stream().map(MembershipResolver::declared).toList());
  }

  static ReactorModule.Declared declared(Dependency dependency) {
    return new ReactorModule.Declared(
        dependency.getGroupId(),
        dependency.getArtifactId(),
        dependency.getManagementKey(),
        dependency.getVersion(),
        dependency.getScope(),
        dependency.isOptional(),
        dependency.getExclusions().stream()
            .map(x -> x.getGroupId() + ":" + x.getArtifactId())
            .toList());
  }

  /** Resolves the runtime jars of these image modules. */
  static List<JarMembership.Resolved> resolve(
      MavenSession session,
      List<MavenProject> imageModules,
      ProjectDependenciesResolver resolver,
      Log log) {
    List<JarMembership.Resolved> resolved = new ArrayList<>();
    for (MavenProject module : imageModules) {
      DefaultDependencyResolutionRequest request =
          new DefaultDependencyResolutionRequest(module, session.getRepositorySession());
      // Only what runs; aether-util's filters are not visible to plugins.
      request.setResolutionFilter(
          (node, parents) ->
              node.getDependency() == null
                  || RuntimeClasspath.RUNTIME_SCOPES.contains(node.getDependency().getScope()));
      DependencyResolutionResult result;
      try {
        result = resolver.resolve(request);
      } catch (DependencyResolutionException e) {
        // Typically a reactor module not packaged yet: its coordinates are all we need.
        log.debug("Partial dependency resolution of " + module.getArtifactId() + ": " + e);
        result = e.getResult();
      }
      if (result != null) {
        resolved.add(
            new JarMembership.Resolved(
                module.getId(),
                LayoutInputs.isBoot(module),
                result.getDependencies().stream().map(MembershipResolver::jar).toList()));
      }
    }
    return resolved;
  }

  /** A resolved dependency; its file may be missing (a reactor module not packaged yet). */
  static DependencyJar jar(org.eclipse.aether.graph.Dependency dependency) {
    org.eclipse.aether.artifact.Artifact artifact = dependency.getArtifact();
    return new DependencyJar(
        artifact.getGroupId(),
        artifact.getArtifactId(),
        artifact.getVersion(),
        artifact.getClassifier(),
        artifact.getProperty(ArtifactProperties.TYPE, artifact.getExtension()),
        artifact.getExtension(),
        dependency.getScope(),
        dependency.isOptional(),
        artifact.isSnapshot(),
        artifact.getFile() == null ? null : artifact.getFile().toPath());
  }

  private static JarMembership.CacheLog cacheLog(Log log) {
    return new JarMembership.CacheLog() {
      @Override
      public void debug(String message) {
        log.debug(message);
      }

      @Override
      public void warn(String message) {
        log.warn(message);
      }
    };
  }
}
