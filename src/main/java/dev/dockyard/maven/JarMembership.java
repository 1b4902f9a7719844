package dev.dockyard.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
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

  /**
   * The membership of these image modules, read from {@code cache} when the reactor's declared
   * dependencies are the very ones of an earlier build (resolution then gives the same jars), else
   * resolved and kept there. Reactors that declare SNAPSHOT or range versions from outside the
   * reactor are always resolved: what those name can change without the POMs changing.
   */
  static JarMembership cached(
      MavenSession session,
      List<MavenProject> imageModules,
      ProjectDependenciesResolver resolver,
      Log log,
      Path cache) {
    Optional<String> key = key(session, imageModules);
    Path file = key.map(k -> cache.resolve(k + ".tsv")).orElse(null);
    if (file != null && Files.isRegularFile(file)) {
      try {
        Map<String, SortedSet<String>> members = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            members.put(
                line.substring(0, tab),
                Collections.unmodifiableSortedSet(
                    new TreeSet<>(Arrays.asList(line.substring(tab + 1).split(",")))));
          }
        }
        log.debug("Jar membership of the reactor read from " + file);
        return new JarMembership(Map.copyOf(members), reactorModules(session));
      } catch (IOException e) {
        log.debug("Jar membership cache unreadable, resolving again: " + e);
      }
    }
    JarMembership resolved = resolve(session, imageModules, resolver, log);
    if (file != null) {
      resolved.keep(file, log);
    }
    return resolved;
  }

  private void keep(Path file, Log log) {
    List<String> lines = new ArrayList<>();
    new TreeMap<>(members).forEach((jar, users) -> lines.add(jar + "\t" + String.join(",", users)));
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        // A write cut short (a full disk) leaves no partial file behind.
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      log.debug("Jar membership not cached: " + e);
    }
  }

  /**
   * What resolution depends on: every module's declared and managed dependencies with their
   * exclusions, which modules are images and which are built with Spring Boot. Empty when an
   * outside dependency is a SNAPSHOT or a version range.
   */
  private static Optional<String> key(MavenSession session, List<MavenProject> imageModules) {
    Set<String> reactor = reactorModules(session);
    StringBuilder text = new StringBuilder("membership 1\n");
    Set<String> images = new TreeSet<>();
    imageModules.forEach(module -> images.add(module.getId()));
    text.append(images).append('\n');
    for (MavenProject project : session.getAllProjects()) {
      text.append(project.getId())
          .append(ApplicationLayout.isBoot(project) ? " boot" : "")
          .append('\n');
      List<org.apache.maven.model.Dependency> declared = new ArrayList<>(project.getDependencies());
      if (project.getDependencyManagement() != null) {
        // Managed versions apply to transitive dependencies too.
        declared.addAll(project.getDependencyManagement().getDependencies());
      }
      for (org.apache.maven.model.Dependency d : declared) {
        String version = String.valueOf(d.getVersion());
        boolean outside = !reactor.contains(d.getGroupId() + ":" + d.getArtifactId());
        if (outside
            && (version.endsWith("-SNAPSHOT")
                || version.startsWith("[")
                || version.startsWith("("))) {
          return Optional.empty();
        }
        text.append(' ')
            .append(d.getManagementKey())
            .append(':')
            .append(version)
            .append(':')
            .append(d.getScope())
            .append(':')
            .append(d.isOptional());
        d.getExclusions()
            .forEach(
                x ->
                    text.append(" !").append(x.getGroupId()).append(':').append(x.getArtifactId()));
        text.append('\n');
      }
    }
    try {
      return Optional.of(
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.toString().getBytes(StandardCharsets.UTF_8))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Set<String> reactorModules(MavenSession session) {
    return session.getAllProjects().stream()
        .map(p -> p.getGroupId() + ":" + p.getArtifactId())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Resolves the runtime jars of these image modules. */
  static JarMembership resolve(
      MavenSession session,
      List<MavenProject> imageModules,
      ProjectDependenciesResolver resolver,
      Log log) {
    Set<String> reactor = reactorModules(session);
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
