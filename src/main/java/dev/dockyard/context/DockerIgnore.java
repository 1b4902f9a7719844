package dev.dockyard.context;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file, read and applied as the Docker CLI and BuildKit apply
 * them (moby's {@code ignorefile} and {@code patternmatcher}).
 *
 * <p>Reading: a line whose first character is {@code #} is a comment; every other line is trimmed
 * of white space, a leading {@code !} makes it an exception (re-include), the rest is cleaned like
 * Go's {@code filepath.Clean} and loses one leading {@code /}. Matching: the rules are tried in
 * order and the last one that matches a path decides; a rule that matched a directory counts as
 * matching everything below it, but only if it was tried there, which it is unless it could not
 * have changed the outcome so far.
 */
final class DockerIgnore {

  private final List<IgnorePattern> patterns;

  private DockerIgnore(List<IgnorePattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /**
   * Reads the rules from the text of a {@code .dockerignore} file.
   *
   * @param fileName the name errors give the file
   * @throws DockerfileException naming the line when Docker would refuse a pattern
   */
  static DockerIgnore parse(String text, String fileName) throws DockerfileException {
    List<IgnorePattern> patterns = new ArrayList<>();
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        continue;
      }
      String written = trimSpace(line);
      if (written.isEmpty()) {
        continue;
      }
      Location location = new Location(fileName, i + 1);
      IgnorePattern pattern = pattern(written, location);
      if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return new DockerIgnore(patterns);
  }

  /** One trimmed line: cleaned as the CLI reads it, then as the pattern matcher takes it. */
  private static IgnorePattern pattern(String written, Location location)
      throws DockerfileException {
    boolean exception = written.startsWith("!");
    String pattern = exception ? trimSpace(written.substring(1)) : written;
    if (!pattern.isEmpty()) {
      pattern = BuildContext.clean(pattern);
      if (pattern.length() > 1 && pattern.startsWith("/")) {
        pattern = pattern.substring(1);
      }
    }
    // the matcher trims and cleans once more, the '!' included
    pattern = trimSpace(exception ? "!" + pattern : pattern);
    if (pattern.isEmpty()) {
      return null;
    }
    pattern = BuildContext.clean(pattern);
    if (pattern.startsWith("!")) {
      if (pattern.length() == 1) {
        throw new DockerfileException(
            "Invalid .dockerignore pattern",
            written,
            location,
            "write the path to re-include after '!', for example '!README.md'");
      }
      exception = true;
      pattern = pattern.substring(1);
    }
    try {
      return IgnorePattern.compile(pattern, exception);
    } catch (MalformedPatternException e) {
      throw new DockerfileException(
          "Invalid .dockerignore pattern", written, location, e.getMessage(), e);
    }
  }

  /** Whether the cleaned, context-relative path is excluded from the build context. */
  boolean isIgnored(String path) {
    Match match = null;
    int slash = -1;
    do {
      slash = path.indexOf('/', slash + 1);
      match = match(slash < 0 ? path : path.substring(0, slash), match);
    } while (slash >= 0);
    return match.ignored();
  }

  /**
   * Matches one path given what the rules made of its parent directory, as BuildKit does while
   * walking the context; without the parent's result, the rules are also tried on each parent.
   */
  Match match(String path, Match parent) {
    boolean ignored = false;
    boolean[] matched = new boolean[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      IgnorePattern pattern = patterns.get(i);
      boolean match = parent != null && parent.patternMatched()[i];
      if (!match) {
        // a rule that cannot change the outcome is skipped, and so not inherited below
        if (pattern.exception() != ignored) {
          continue;
        }
        match = pattern.matches(path) || parent == null && matchesAParent(pattern, path);
      }
      matched[i] = match;
      if (match) {
        ignored = !pattern.exception();
      }
    }
    return new Match(ignored, matched);
  }

  private static boolean matchesAParent(IgnorePattern pattern, String path) {
    String parent = BuildContext.clean(path.substring(0, path.lastIndexOf('/') + 1));
    if (parent.equals(".")) {
      return false;
    }
    int slash = -1;
    do {
      slash = parent.indexOf('/', slash + 1);
      if (pattern.matches(slash < 0 ? parent : parent.substring(0, slash))) {
        return true;
      }
    } while (slash >= 0);
    return false;
  }

  /** Whether any rule is an exception, so an ignored directory may still hold included files. */
  boolean hasExceptions() {
    return patterns.stream().anyMatch(IgnorePattern::exception);
  }

  /** What the rules made of one path: the outcome, and which rules matched it or a parent. */
  record Match(boolean ignored, boolean[] patternMatched) {}

  /** Lines as Go's line scanner splits them: at '\n', dropping one '\r' before it. */
  private static List<String> lines(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int end = body.indexOf('\n', start);
      String line = body.substring(start, end < 0 ? body.length() : end);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      start = end < 0 ? body.length() : end + 1;
    }
    return lines;
  }

  /** Go's {@code strings.TrimSpace}: Unicode white space off both ends. */
  static String trimSpace(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0' -> true;
      // above Latin-1, Go's white space is exactly Unicode's space and separator characters
      default -> c > 0xFF && Character.isSpaceChar(c);
    };
  }
}
