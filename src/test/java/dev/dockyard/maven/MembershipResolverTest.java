package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.layout.DependencyJar;
import dev.dockyard.layout.JarMembership;
import dev.dockyard.layout.ReactorModule;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Exclusion;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.DependencyNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipResolverTest {

  @TempDir Path cache;

  private final List<String> warnings = new ArrayList<>();
  private final List<String> debug = new ArrayList<>();
  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
          warnings.add(content.toString());
        }

        @Override
        public void debug(CharSequence content) {
          debug.add(content.toString());
        }
      };

  private static Dependency dependency(String groupId, String artifactId, String version) {
    Dependency dependency = new Dependency();
    dependency.setGroupId(groupId);
    dependency.setArtifactId(artifactId);
    dependency.setVersion(version);
    return dependency;
  }

  private static MavenProject project(String artifactId, Dependency... dependencies) {
    MavenProject project = new MavenProject();
    project.setGroupId("it");
    project.setArtifactId(artifactId);
    project.setVersion("1.0");
    project.setPackaging("jar");
    project.setDependencies(new ArrayList<>(List.of(dependencies)));
    return project;
  }

  private static org.eclipse.aether.graph.Dependency resolved(String coordinates) {
    return new org.eclipse.aether.graph.Dependency(new DefaultArtifact(coordinates), "compile");
  }

  @Test
  void aReactorModuleDeclaresItsDependenciesThenItsManagedOnes() {
    Dependency tests = dependency("org.example", "core", null);
    tests.setType("test-jar");
    tests.setClassifier("tests");
    tests.setScope("test");
    tests.setOptional(true);
    Exclusion exclusion = new Exclusion();
    exclusion.setGroupId("org.unwanted");
    exclusion.setArtifactId("*");
    tests.addExclusion(exclusion);
    MavenProject project = project("orders", tests);
    DependencyManagement management = new DependencyManagement();
    management.addDependency(dependency("org.example", "bom-managed", "2.0"));
    project.getModel().setDependencyManagement(management);

    ReactorModule module = MembershipResolver.reactorModule(project);

    assertThat(module.id()).isEqualTo("it:orders:jar:1.0");
    assertThat(module.key()).isEqualTo("it:orders");
    assertThat(module.boot()).isFalse();
    assertThat(module.declared())
        .containsExactly(
            new ReactorModule.Declared(
                "org.example",
                "core",
                "org.example:core:test-jar:tests",
                null,
                "test",
                true,
                List.of("org.unwanted:*")),
            new ReactorModule.Declared(
                "org.example",
                "bom-managed",
                "org.example:bom-managed:jar",
                "2.0",
                null,
                false,
                List.of()));
  }

  @Test
  void aJarResolvedByTheResolverHasTheCoordinateOfTheSameMavenArtifact() {
    DefaultArtifactHandler testJar = new DefaultArtifactHandler("test-jar");
    testJar.setExtension("jar");
    var maven =
        List.of(
            new org.apache.maven.artifact.DefaultArtifact(
                "org.example", "core", "1.0", "compile", "jar", null, handler("jar")),
            new org.apache.maven.artifact.DefaultArtifact(
                "org.example", "core", "1.0", "compile", "test-jar", "tests", testJar),
            new org.apache.maven.artifact.DefaultArtifact(
                "org.example", "native", "1.0", "compile", "jar", "linux", handler("jar")));
    var aether =
        List.of(
            resolved("org.example:core:1.0"),
            resolved("org.example:core:jar:tests:1.0"),
            resolved("org.example:native:jar:linux:1.0"));

    assertThat(aether.stream().map(d -> MembershipResolver.jar(d).coordinate()))
        .containsExactlyElementsOf(
            maven.stream().map(a -> LayoutInputs.jar(a).coordinate()).toList());
  }

  private static DefaultArtifactHandler handler(String type) {
    return new DefaultArtifactHandler(type);
  }

  @Test
  void readsEverythingTheMembershipNeedsFromAResolvedDependency() {
    DefaultArtifact artifact =
        new DefaultArtifact(
            "org.example",
            "core",
            "tests",
            "jar",
            "1.0-SNAPSHOT",
            Map.of("type", "test-jar"),
            new File("core.jar"));

    assertThat(
            MembershipResolver.jar(
                new org.eclipse.aether.graph.Dependency(artifact, "runtime", true)))
        .isEqualTo(
            new DependencyJar(
                "org.example",
                "core",
                "1.0-SNAPSHOT",
                "tests",
                "test-jar",
                "jar",
                "runtime",
                true,
                true,
                Path.of("core.jar")));
  }

  @Test
  void resolvesOnlyWhatRunsAndKeepsWhatAPartialResolutionFound() {
    MavenProject orders = project("orders");
    MavenProject billing = project("billing");
    MavenProject broken = project("broken");
    List<Boolean> accepted = new ArrayList<>();
    ProjectDependenciesResolver resolver =
        request -> {
          accepted.add(
              request
                  .getResolutionFilter()
                  .accept(
                      new DefaultDependencyNode(new DefaultArtifact("it:root:1.0")), List.of()));
          for (String scope : List.of("compile", "runtime", "system", "provided", "test")) {
            DependencyNode node =
                new DefaultDependencyNode(
                    new org.eclipse.aether.graph.Dependency(
                        new DefaultArtifact("org.example:x:1.0"), scope));
            accepted.add(request.getResolutionFilter().accept(node, List.of()));
          }
          String module = request.getMavenProject().getArtifactId();
          if (module.equals("orders")) {
            return result(resolved("org.example:guava:1.0"));
          }
          if (module.equals("billing")) {
            throw new DependencyResolutionException(
                result(resolved("it:orders:1.0")), "it:orders not packaged", null);
          }
          throw new DependencyResolutionException(null, "nothing at all", null);
        };

    List<JarMembership.Resolved> resolved =
        MembershipResolver.resolve(session(), List.of(orders, billing, broken), resolver, log);

    assertThat(accepted.subList(0, 6)).containsExactly(true, true, true, true, false, false);
    assertThat(resolved)
        .extracting(JarMembership.Resolved::moduleId)
        .containsExactly("it:orders:jar:1.0", "it:billing:jar:1.0");
    assertThat(resolved.get(1).jars()).extracting(DependencyJar::key).containsExactly("it:orders");
    assertThat(debug)
        .anyMatch(line -> line.startsWith("Partial dependency resolution of billing: "));
  }

  @Test
  void aSecondBuildOfTheSameReactorReadsTheMembershipFromTheCache() throws IOException {
    MavenProject orders = project("orders", dependency("org.example", "guava", "1.0"));
    MavenSession session = session(orders);
    AtomicInteger resolutions = new AtomicInteger();
    ProjectDependenciesResolver resolver =
        request -> {
          resolutions.incrementAndGet();
          return result(resolved("org.example:guava:1.0"));
        };

    MembershipResolver.cached(session, List.of(orders), resolver, log, cache);
    JarMembership again = MembershipResolver.cached(session, List.of(orders), resolver, log, cache);

    assertThat(resolutions).hasValue(1);
    assertThat(again.membersOf("org.example:guava:jar::1.0")).containsExactly("it:orders:jar:1.0");
    assertThat(debug).anyMatch(line -> line.startsWith("Writing the jar membership cache "));
    try (var files = Files.list(cache)) {
      Path file = files.findFirst().orElseThrow();
      Files.writeString(file, "damaged\n");
      MembershipResolver.cached(session, List.of(orders), resolver, log, cache);
      assertThat(warnings)
          .containsExactly(
              "Jar membership cache "
                  + file
                  + " is damaged (cut short or changed, its seal fails): not trusted, resolved"
                  + " again and rewritten");
    }
    assertThat(resolutions).hasValue(2);
  }

  @SuppressWarnings("deprecation")
  private static MavenSession session(MavenProject... projects) {
    MavenSession session =
        new MavenSession(
            null,
            new DefaultRepositorySystemSession(),
            new DefaultMavenExecutionRequest(),
            new DefaultMavenExecutionResult());
    session.setProjects(List.of(projects));
    session.setAllProjects(List.of(projects));
    return session;
  }

  private static DependencyResolutionResult result(
      org.eclipse.aether.graph.Dependency... dependencies) {
    return new DependencyResolutionResult() {
      @Override
      public DependencyNode getDependencyGraph() {
        return null;
      }

      @Override
      public List<org.eclipse.aether.graph.Dependency> getDependencies() {
        return List.of(dependencies);
      }

      @Override
      public List<org.eclipse.aether.graph.Dependency> getResolvedDependencies() {
        return List.of(dependencies);
      }

      @Override
      public List<org.eclipse.aether.graph.Dependency> getUnresolvedDependencies() {
        return List.of();
      }

      @Override
      public List<Exception> getCollectionErrors() {
        return List.of();
      }

      @Override
      public List<Exception> getResolutionErrors(org.eclipse.aether.graph.Dependency dependency) {
        return List.of();
      }
    };
  }
}
