package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JarMembershipTest {

  @TempDir Path cache;

  private final List<String> warnings = new ArrayList<>();
  private final List<String> debug = new ArrayList<>();
  private final JarMembership.CacheLog log =
      new JarMembership.CacheLog() {
        @Override
        public void debug(String message) {
          debug.add(message);
        }

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };

  private static DependencyJar jar(String artifactId, boolean optional) {
    return new DependencyJar(
        "org.example", artifactId, "1.0", null, "jar", "jar", "compile", optional, false, null);
  }

  private static final String GUAVA = "org.example:guava:jar::1.0";
  private static final String KAFKA = "org.example:kafka:jar::1.0";

  private static final List<JarMembership.Resolved> RESOLVED =
      List.of(
          new JarMembership.Resolved("it:orders", false, List.of(jar("guava", false))),
          new JarMembership.Resolved(
              "it:billing", false, List.of(jar("guava", false), jar("kafka", false))));

  private static ReactorModule module(String artifactId, ReactorModule.Declared... declared) {
    return new ReactorModule(
        "it:" + artifactId + ":jar:1.0", "it", artifactId, false, List.of(declared));
  }

  private static ReactorModule.Declared declared(String groupAndArtifact, String version) {
    return new ReactorModule.Declared(
        groupAndArtifact.split(":")[0],
        groupAndArtifact.split(":")[1],
        groupAndArtifact + ":jar",
        version,
        "compile",
        false,
        List.of());
  }

  private static final List<ReactorModule> REACTOR =
      List.of(
          module("lib", declared("org.example:guava", "1.0")),
          module(
              "orders", declared("it:lib", "1.0-SNAPSHOT"), declared("org.example:guava", "1.0")),
          module("billing", declared("org.example:kafka", "1.0")));

  private final AtomicInteger resolutions = new AtomicInteger();

  private Supplier<List<JarMembership.Resolved>> resolve() {
    return () -> {
      resolutions.incrementAndGet();
      return RESOLVED;
    };
  }

  private JarMembership cached(List<ReactorModule> reactor) {
    return JarMembership.cached(reactor, List.of("it:orders", "it:billing"), cache, resolve(), log);
  }

  @Test
  void everyJarIsUsedByTheImageModulesThatResolveIt() {
    JarMembership membership = JarMembership.of(Set.of(), RESOLVED);

    assertThat(membership.membersOf(GUAVA)).containsExactly("it:billing", "it:orders");
    assertThat(membership.membersOf(KAFKA)).containsExactly("it:billing");
    assertThat(membership.membersOf("org.example:other:jar::1.0")).isEmpty();
  }

  @Test
  void aBootModuleDoesNotUseWhatBootLeavesOut() {
    List<DependencyJar> jars = List.of(jar("guava", true), jar("kafka", false));
    JarMembership membership =
        JarMembership.of(
            Set.of(),
            List.of(
                new JarMembership.Resolved("it:boot", true, jars),
                new JarMembership.Resolved("it:plain", false, jars)));

    assertThat(membership.membersOf(GUAVA)).containsExactly("it:plain");
    assertThat(membership.membersOf(KAFKA)).containsExactly("it:boot", "it:plain");
  }

  @Test
  void knowsTheJarsTheReactorBuildsByGroupAndArtifact() {
    JarMembership membership = JarMembership.of(JarMembership.reactorModules(REACTOR), List.of());

    assertThat(membership.isReactorModule(jar("lib", false))).isFalse();
    assertThat(
            membership.isReactorModule(
                new DependencyJar("it", "lib", "2.0", "x", "zip", "zip", "test", true, true, null)))
        .isTrue();
  }

  @Test
  void aSecondBuildReadsTheMembershipWithoutResolving() {
    JarMembership first = cached(REACTOR);
    JarMembership second = cached(REACTOR);

    assertThat(resolutions).hasValue(1);
    assertThat(second.membersOf(GUAVA)).isEqualTo(first.membersOf(GUAVA));
    assertThat(second.membersOf(KAFKA)).containsExactly("it:billing");
    assertThat(
            second.isReactorModule(
                new DependencyJar(
                    "it", "lib", "1.0", null, "jar", "jar", "compile", false, false, null)))
        .isTrue();
    assertThat(debug).last().asString().startsWith("Jar membership of the reactor read from ");
    assertThat(warnings).isEmpty();
  }

  @Test
  void keepsOneSortedLinePerJarUnderASeal() throws IOException {
    cached(REACTOR);

    try (var files = Files.list(cache)) {
      Path file = files.findFirst().orElseThrow();
      assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.tsv");
      assertThat(SealedLines.read(file))
          .contains(List.of(GUAVA + "\tit:billing,it:orders", KAFKA + "\tit:billing"));
    }
  }

  @Test
  void aDamagedFileIsToldResolvedAgainAndRewritten() throws IOException {
    cached(REACTOR);
    Path file;
    try (var files = Files.list(cache)) {
      file = files.findFirst().orElseThrow();
    }
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 20), StandardCharsets.UTF_8);

    JarMembership again = cached(REACTOR);

    assertThat(resolutions).hasValue(2);
    assertThat(warnings)
        .containsExactly(
            "Jar membership cache "
                + file
                + " is damaged (cut short or changed, its seal fails): not trusted, resolved"
                + " again and rewritten");
    assertThat(again.membersOf(GUAVA)).containsExactly("it:billing", "it:orders");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2.0-SNAPSHOT", "[1.0,2.0)", "(,2.0]"})
  void anOutsideVersionThatCanChangeWithoutThePomIsResolvedEveryTime(String version)
      throws IOException {
    List<ReactorModule> reactor = List.of(module("orders", declared("org.example:x", version)));

    JarMembership.cached(reactor, List.of("it:orders"), cache, resolve(), log);
    JarMembership.cached(reactor, List.of("it:orders"), cache, resolve(), log);

    assertThat(resolutions).hasValue(2);
    try (var files = Files.list(cache)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aSnapshotOfTheReactorsOwnModulesStillCaches() {
    assertThat(JarMembership.key(List.of("it:orders"), REACTOR)).isPresent();
  }

  @Test
  void theKeyIsTheSameForTheSameReactorAndImageModulesInAnyOrder() {
    assertThat(JarMembership.key(List.of("b", "a"), REACTOR))
        .isEqualTo(JarMembership.key(List.of("a", "b"), REACTOR));
  }

  @Test
  void theKeyChangesWithWhatResolutionDependsOn() {
    ReactorModule.Declared guava = declared("org.example:guava", "1.0");
    List<List<ReactorModule>> reactors =
        List.of(
            List.of(module("lib", guava)),
            List.of(module("lib", declared("org.example:guava", "1.1"))),
            List.of(
                module(
                    "lib",
                    new ReactorModule.Declared(
                        "org.example",
                        "guava",
                        "org.example:guava:jar",
                        "1.0",
                        "runtime",
                        false,
                        List.of()))),
            List.of(
                module(
                    "lib",
                    new ReactorModule.Declared(
                        "org.example",
                        "guava",
                        "org.example:guava:jar",
                        "1.0",
                        "compile",
                        true,
                        List.of()))),
            List.of(
                module(
                    "lib",
                    new ReactorModule.Declared(
                        "org.example",
                        "guava",
                        "org.example:guava:jar",
                        "1.0",
                        "compile",
                        false,
                        List.of("com.google:failureaccess")))),
            List.of(new ReactorModule("it:lib:jar:1.0", "it", "lib", true, List.of(guava))),
            List.of(module("lib", guava), module("other")));

    assertThat(reactors.stream().map(reactor -> JarMembership.key(List.of("a"), reactor)))
        .doesNotHaveDuplicates()
        .allMatch(key -> key.orElseThrow().matches("[0-9a-f]{64}"));
    assertThat(JarMembership.key(List.of("b"), reactors.get(0)))
        .isNotEqualTo(JarMembership.key(List.of("a"), reactors.get(0)));
  }

  @Test
  void anUnwritableCacheStillGivesTheMembership() throws IOException {
    Path notAFolder = Files.writeString(cache.resolve("file"), "x");

    JarMembership membership =
        JarMembership.cached(REACTOR, List.of("it:orders"), notAFolder, resolve(), log);

    assertThat(membership.membersOf(GUAVA)).containsExactly("it:billing", "it:orders");
    assertThat(debug).last().asString().startsWith("Jar membership not cached: ");
  }
}
