package dev.dockyard.layout;

import java.util.List;
import java.util.Set;

/**
 * Which dependencies an application runs with: those of the runtime scopes, and for a Spring Boot
 * module what {@code repackage} puts in {@code BOOT-INF/lib}: no optional dependencies, no
 * devtools, no annotation processors.
 */
public final class RuntimeClasspath {

  /** The scopes whose jars the application runs with. */
  public static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime", "system");

  /** The plugin that makes a module a Spring Boot module, by {@code groupId:artifactId}. */
  public static final String BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";

  /** Spring Boot's repackage leaves these out of BOOT-INF/lib: development-time only. */
  static final Set<String> BOOT_EXCLUDED =
      Set.of(
          "org.springframework.boot:spring-boot-devtools",
          "org.springframework.boot:spring-boot-configuration-processor",
          "org.springframework.boot:spring-boot-autoconfigure-processor",
          "org.springframework.boot:spring-boot-docker-compose");

  private RuntimeClasspath() {}

  /**
   * The dependencies the application runs with, in the given (Maven's classpath) order: of a
   * runtime scope, resolved to a file, and for a Spring Boot module not left out by Boot.
   */
  public static List<DependencyJar> of(List<DependencyJar> dependencies, boolean boot) {
    return dependencies.stream()
        .filter(jar -> !boot || !leftOutByBoot(jar))
        .filter(jar -> RUNTIME_SCOPES.contains(jar.scope()))
        .filter(jar -> jar.file() != null)
        .toList();
  }

  /** True for what Spring Boot's repackage leaves out of BOOT-INF/lib. */
  public static boolean leftOutByBoot(DependencyJar jar) {
    return jar.optional() || BOOT_EXCLUDED.contains(jar.key());
  }
}
