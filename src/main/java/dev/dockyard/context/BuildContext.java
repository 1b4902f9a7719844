package dev.dockyard.context;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.codehaus.plexus.util.MatchPattern;

/**
 * A Docker build context: a root directory whose {@code .dockerignore} hides files from COPY and
 * ADD exactly as Docker hides them.
 *
 * <p>The {@code .dockerignore} rules are Docker's: a line whose first character is {@code #} is a
 * comment; other lines are trimmed and blank ones skipped; {@code !} marks an exception that
 * re-includes; each pattern is cleaned like Go's {@code filepath.Clean} and a leading {@code /} is
 * dropped, so {@code /foo}, {@code ./foo} and {@code foo/} all mean {@code foo}. A pattern matches
 * a path when it matches the path itself or one of its parent directories (so {@code target}
 * excludes everything under {@code target/}), {@code **} matches any number of directories
 * (including none), {@code *} and {@code ?} never cross a {@code /}, and the last matching line
 * decides. Matching is done by plexus-utils' {@link MatchPattern}, which has no character classes:
 * a {@code [...]} in {@code .dockerignore} is matched literally.
 */
public final class BuildContext {

  /** The name Docker reads the ignore rules from, in the context root. */
  public static final String IGNORE_FILE = ".dockerignore";

  private final Path root;
  private final List<IgnoreRule> rules;

  private BuildContext(Path root, List<IgnoreRule> rules) {
    this.root = root;
    this.rules = List.copyOf(rules);
  }

  /**
   * Opens the context rooted at {@code root}, reading {@code root/.dockerignore} when present.
   *
   * @throws DockerfileException when {@code .dockerignore} holds a line Docker refuses (a bare
   *     {@code !})
   */
  public static BuildContext open(Path root) throws IOException, DockerfileException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new IOException("Build context is not a directory: " + absolute);
    }
    Path ignoreFile = absolute.resolve(IGNORE_FILE);
    List<IgnoreRule> rules =
        Files.isRegularFile(ignoreFile)
            ? parse(Files.readAllLines(ignoreFile, StandardCharsets.UTF_8))
            : List.of();
    return new BuildContext(absolute, rules);
  }

  /** A context over {@code root} that hides nothing (used for unpacked archives). */
  static BuildContext unfiltered(Path root) {
    return new BuildContext(root.toAbsolutePath().normalize(), List.of());
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
    List<String> candidates = selfAndParents(path);
    boolean ignored = false;
    for (IgnoreRule rule : rules) {
      // Skipping rules that cannot change the outcome is Docker's own evaluation order.
      if (rule.exception() != ignored) {
        continue;
      }
      if (candidates.stream().anyMatch(candidate -> rule.matches(candidate))) {
        ignored = !rule.exception();
      }
    }
    return ignored;
  }

  /** Whether any {@code !} line exists, so an ignored directory may still hold visible files. */
  boolean hasExceptions() {
    return rules.stream().anyMatch(IgnoreRule::exception);
  }

  private static List<IgnoreRule> parse(List<String> lines) throws DockerfileException {
    List<IgnoreRule> rules = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      // Docker treats '#' as a comment only in column 1, before trimming.
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      if (exception) {
        pattern = pattern.substring(1).strip();
        if (pattern.isEmpty()) {
          throw new DockerfileException(
              "Invalid .dockerignore pattern",
              line.strip(),
              new Location(IGNORE_FILE, i + 1),
              "write the path to re-include after '!', for example '!README.md'");
        }
      }
      pattern = clean(pattern);
      if (pattern.length() > 1) {
        pattern = stripLeadingSlash(pattern);
      }
      rules.add(new IgnoreRule(MatchPattern.fromString(pattern), exception));
    }
    return rules;
  }

  private static List<String> selfAndParents(String path) {
    List<String> candidates = new ArrayList<>();
    int slash = -1;
    while ((slash = path.indexOf('/', slash + 1)) >= 0) {
      candidates.add(path.substring(0, slash));
    }
    candidates.add(path);
    return candidates;
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

  /** One non-comment line of {@code .dockerignore}: a pattern, possibly a {@code !} exception. */
  private record IgnoreRule(MatchPattern pattern, boolean exception) {
    boolean matches(String unixPath) {
      // MatchPattern splits on the platform separator.
      return pattern.matchPath(unixPath.replace('/', File.separatorChar), true);
    }
  }
}
