package dev.dockyard.context;

import dev.dockyard.dockerfile.DockerfileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A Docker build context: a root directory whose {@code .dockerignore} hides files from COPY and
 * ADD exactly as Docker hides them (see {@link DockerIgnore} for the rules).
 */
public final class BuildContext {

  /** The name Docker reads the ignore rules from, in the context root. */
  public static final String IGNORE_FILE = ".dockerignore";

  private final Path root;
  private final DockerIgnore rules;

  private BuildContext(Path root, DockerIgnore rules) {
    this.root = root;
    this.rules = rules;
  }

  /**
   * Opens the context rooted at {@code root}, reading {@code root/.dockerignore} when present.
   *
   * @throws DockerfileException when {@code .dockerignore} holds a pattern Docker refuses (a bare
   *     {@code !}, an unclosed {@code [}, a trailing {@code \\}...), naming its line
   */
  public static BuildContext open(Path root) throws IOException, DockerfileException {
    return open(root, null);
  }

  /**
   * Opens the context of a build of {@code dockerfile}: as BuildKit does, {@code
   * <dockerfile>.dockerignore} beside it, when present, takes the place of the context's {@code
   * .dockerignore}.
   */
  public static BuildContext open(Path root, Path dockerfile)
      throws IOException, DockerfileException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IOException("Build context is not a directory: " + absolute);
    }
    Path ignoreFile = absolute.resolve(IGNORE_FILE);
    String shown = IGNORE_FILE;
    Path own = ignoreFileOf(dockerfile);
    if (own != null && Files.isRegularFile(own)) {
      ignoreFile = own;
      shown = own.getFileName().toString();
    }
    DockerIgnore rules =
        Files.isRegularFile(ignoreFile)
            ? DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8), shown)
            : DockerIgnore.none();
    return new BuildContext(absolute, rules);
  }

  /** {@code <dockerfile>.dockerignore}, BuildKit's ignore file of one Dockerfile; null for none. */
  public static Path ignoreFileOf(Path dockerfile) {
    return dockerfile == null
        ? null
        : dockerfile.resolveSibling(dockerfile.getFileName() + IGNORE_FILE);
  }

  /**
   * Checks an ignore file's patterns, naming {@code shown} (its path as the user knows it) in the
   * error.
   */
  public static void check(Path ignoreFile, String shown) throws IOException, DockerfileException {
    DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8), shown);
  }

  /** A context over {@code root} that hides nothing (used for unpacked archives). */
  static BuildContext unfiltered(Path root) {
    return new BuildContext(root.toAbsolutePath().normalize(), DockerIgnore.none());
  }

  /** The absolute, normalised root directory of the context. */
  public Path root() {
    return root;
  }

  /**
   * Whether {@code .dockerignore} hides the given context-relative, {@code /}-separated path. The
   * path is cleaned first; the context root itself is never ignored.
   */
  public boolean isIgnored(String relativeUnixPath) {
    String path = stripLeadingSlash(clean(relativeUnixPath));
    if (path.equals(".") || path.equals("/")) {
      return false;
    }
    return rules.isIgnored(path);
  }

  /**
   * The {@code .dockerignore} line that matches exactly the given context-relative path: its
   * pattern characters ({@code * ? [ \\}) escaped, as Go's {@code filepath.Match} reads escapes.
   */
  public static String literalPattern(String relativeUnixPath) {
    return relativeUnixPath.replaceAll("([*?\\[\\\\])", "\\\\$1");
  }

  /** Whether any {@code !} line exists, so an ignored directory may still hold visible files. */
  boolean hasExceptions() {
    return rules.hasExceptions();
  }

  /**
   * Cleans a {@code /}-separated path the way Go's {@code path.Clean} does: repeated slashes and
   * {@code .} elements go, {@code ..} removes the element before it (never above a leading {@code
   * /}), a trailing slash goes, and an empty result is {@code .}.
   */
  static String clean(String path) {
    boolean rooted = path.startsWith("/");
    Deque<String> elements = new ArrayDeque<>();
    for (String element : path.split("/")) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!elements.isEmpty() && !elements.peekLast().equals("..")) {
          elements.removeLast();
        } else if (!rooted) {
          elements.addLast("..");
        }
        continue;
      }
      elements.addLast(element);
    }
    String joined = String.join("/", elements);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  private static String stripLeadingSlash(String path) {
    return path.length() > 1 && path.startsWith("/") ? path.substring(1) : path;
  }
}
