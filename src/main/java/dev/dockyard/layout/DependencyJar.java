package dev.dockyard.layout;

import java.nio.file.Path;

/**
 * A resolved dependency of a module, as the layout reads it: Maven's coordinates and the file.
 *
 * @param type the dependency's type ({@code jar}, {@code test-jar}, ...)
 * @param extension the file extension its type stands for; null when unknown ({@code jar} then)
 * @param classifier null or empty when it has none
 * @param scope null when the resolver gave none
 * @param snapshot true for a SNAPSHOT version, timestamped or not
 * @param file null when not resolved to a file (a reactor module not packaged yet)
 */
public record DependencyJar(
    String groupId,
    String artifactId,
    String version,
    String classifier,
    String type,
    String extension,
    String scope,
    boolean optional,
    boolean snapshot,
    Path file) {

  /** {@code groupId:artifactId}: how the reactor and Spring Boot's rules know a dependency. */
  public String key() {
    return groupId + ":" + artifactId;
  }

  /** {@code groupId:artifactId:extension:classifier:version}: one jar, across the reactor. */
  public String coordinate() {
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

  /**
   * The file name of the jar in the image: {@code artifactId-version[-classifier].ext}; a reactor
   * module's jar carries no version, in its name or inside (see {@link ReactorJar}). A test-jar
   * ends in {@code .jar} whatever its file is called; other types keep the file's extension.
   */
  public String nameInImage(boolean reactor) {
    String name = artifactId + (reactor ? "" : "-" + version);
    if (classifier != null && !classifier.isEmpty()) {
      name += "-" + classifier;
    }
    return name + "." + ("test-jar".equals(type) ? "jar" : extensionOf(file));
  }

  private static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "jar" : name.substring(dot + 1);
  }
}
