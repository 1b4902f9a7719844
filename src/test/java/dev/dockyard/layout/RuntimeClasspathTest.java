package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeClasspathTest {

  static DependencyJar dependency(String groupAndArtifact, String scope, boolean optional) {
    String[] parts = groupAndArtifact.split(":");
    return new DependencyJar(
        parts[0],
        parts[1],
        "1.0",
        null,
        "jar",
        "jar",
        scope,
        optional,
        false,
        Path.of(parts[1] + "-1.0.jar"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "compile, true",
    "runtime, true",
    "system, true",
    "provided, false",
    "test, false",
    "import, false"
  })
  void keepsOnlyTheScopesTheApplicationRunsWith(String scope, boolean kept) {
    DependencyJar jar = dependency("org.example:lib", scope, false);

    assertThat(RuntimeClasspath.of(List.of(jar), false)).hasSize(kept ? 1 : 0);
  }

  @Test
  void keepsMavensClasspathOrder() {
    List<DependencyJar> jars =
        List.of(
            dependency("org.example:zeta", "runtime", false),
            dependency("org.example:alpha", "compile", false),
            dependency("org.example:mid", "test", false),
            dependency("org.example:beta", "system", false));

    assertThat(RuntimeClasspath.of(jars, false))
        .extracting(DependencyJar::artifactId)
        .containsExactly("zeta", "alpha", "beta");
  }

  @Test
  void leavesOutAJarNotResolvedToAFile() {
    DependencyJar unresolved =
        new DependencyJar(
            "org.example", "lib", "1.0", null, "jar", "jar", "compile", false, false, null);

    assertThat(RuntimeClasspath.of(List.of(unresolved), false)).isEmpty();
  }

  @ParameterizedTest(name = "{0}, optional {1}: left out by Boot {2}")
  @CsvSource({
    "org.springframework.boot:spring-boot-devtools, false, true",
    "org.springframework.boot:spring-boot-configuration-processor, false, true",
    "org.springframework.boot:spring-boot-autoconfigure-processor, false, true",
    "org.springframework.boot:spring-boot-docker-compose, false, true",
    "org.springframework.boot:spring-boot-starter-web, false, false",
    "org.example:spring-boot-devtools, false, false",
    "org.example:lib, true, true",
    "org.example:lib, false, false"
  })
  void knowsWhatSpringBootLeavesOut(String groupAndArtifact, boolean optional, boolean leftOut) {
    DependencyJar jar = dependency(groupAndArtifact, "compile", optional);

    assertThat(RuntimeClasspath.leftOutByBoot(jar)).isEqualTo(leftOut);
    assertThat(RuntimeClasspath.of(List.of(jar), true)).hasSize(leftOut ? 0 : 1);
  }

  @Test
  void aModuleWithoutBootKeepsOptionalJarsAndDevtools() {
    List<DependencyJar> jars =
        List.of(
            dependency("org.example:lib", "compile", true),
            dependency("org.springframework.boot:spring-boot-devtools", "runtime", false));

    assertThat(RuntimeClasspath.of(jars, false)).isEqualTo(jars);
  }
}
