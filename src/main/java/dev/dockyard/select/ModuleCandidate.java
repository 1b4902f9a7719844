package dev.dockyard.select;

import java.util.Objects;
import java.util.Optional;

/**
 * What the selection needs to know about one reactor module, gathered by the Maven side.
 *
 * @param artifactId the module's artifactId
 * @param relativePath the module directory relative to the reactor root, in unix form ({@code
 *     services/order}); empty for the root itself. Backslashes, a leading {@code ./} and trailing
 *     slashes are normalised away.
 * @param packaging the module's packaging ({@code jar}, {@code pom}, ...)
 * @param dockerfile where the module's own Dockerfile was found, if any
 * @param mainClass the module's main class, if one was found
 * @param mainClassSource how the main class was found ({@code jar manifest mainClass}, {@code
 *     Spring Boot start-class}, {@code main method in src/main/java/a/B.java}); when there is no
 *     main class, optionally why ({@code several main classes: a.B, c.D}); never null
 */
public record ModuleCandidate(
    String artifactId,
    String relativePath,
    String packaging,
    Optional<String> dockerfile,
    Optional<String> mainClass,
    String mainClassSource) {

  public ModuleCandidate {
    Objects.requireNonNull(artifactId, "artifactId");
    Objects.requireNonNull(packaging, "packaging");
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(mainClass, "mainClass");
    relativePath = normalisePath(relativePath == null ? "" : relativePath);
    mainClassSource = mainClassSource == null ? "" : mainClassSource;
  }

  /** True for {@code pom} packaging, which never becomes an image. */
  public boolean isPom() {
    return "pom".equals(packaging);
  }

  /** True when the module has what an image needs: its own Dockerfile or a main class. */
  public boolean hasImageRecipe() {
    return dockerfile.isPresent() || mainClass.isPresent();
  }

  /** True when the module would become an image if every module were selected. */
  public boolean isImageModule() {
    return !isPom() && hasImageRecipe();
  }

  static String normalisePath(String path) {
    String unix = path.trim().replace('\\', '/');
    while (unix.startsWith("./")) {
      unix = unix.substring(2);
    }
    while (unix.endsWith("/")) {
      unix = unix.substring(0, unix.length() - 1);
    }
    return unix.equals(".") ? "" : unix;
  }
}
