package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * The sources of a COPY or ADD as Docker finds them in the build context: literal names and Go
 * {@code filepath.Match} globs per path segment, with {@code .dockerignore} hiding what it names.
 */
final class SourceMatches {

  /** A source after glob expansion: its context-relative name and its resolved location. */
  record Source(String name, Path real) {}

  private final CopyStep step;
  private final CopyTree context;

  SourceMatches(CopyStep step, CopyTree context) {
    this.step = step;
    this.context = context;
  }

  List<Source> resolve(String text) throws DockerfileException, IOException {
    if (text.startsWith("/")) {
      throw fail(
          step.keyword() + " failed: source is an absolute path",
          text,
          "sources are relative to the build context; write '"
              + BuildContext.clean(text.substring(1))
              + "'");
    }
    String name = BuildContext.clean(text);
    if (name.equals("..") || name.startsWith("../")) {
      throw fail(
          step.keyword() + " failed: source is outside the build context",
          text,
          "sources must stay inside the build context "
              + context.ctx().root()
              + "; move the file into it");
    }
    return hasMeta(name) ? glob(text, name) : List.of(literal(text, name));
  }

  private Source literal(String text, String name) throws DockerfileException, IOException {
    Path path = context.ctx().root().resolve(name);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      throw notFound(text, name, missingFix(name));
    }
    Path real = context.real(path, text, text, step);
    if (isHidden(name, real)) {
      throw notFound(
          text,
          name,
          "it exists but .dockerignore excludes it; remove the matching line or add '!"
              + name
              + "' to .dockerignore");
    }
    return new Source(name, real);
  }

  private List<Source> glob(String text, String name) throws DockerfileException, IOException {
    List<String> candidates = List.of(".");
    for (String segment : name.split("/")) {
      List<String> next = new ArrayList<>();
      PathMatcher matcher = hasMeta(segment) ? segmentMatcher(text, segment) : null;
      for (String candidate : candidates) {
        Path dir = context.ctx().root().resolve(candidate);
        if (matcher == null) {
          if (Files.exists(dir.resolve(segment), LinkOption.NOFOLLOW_LINKS)) {
            next.add(child(candidate, segment));
          }
        } else if (Files.isDirectory(dir)) {
          try (Stream<Path> children = Files.list(dir)) {
            children
                .map(child -> child.getFileName().toString())
                .filter(child -> matcher.matches(Path.of(child)))
                .sorted()
                .forEach(child -> next.add(child(candidate, child)));
          }
        }
      }
      candidates = next;
    }
    List<Source> sources = new ArrayList<>();
    boolean hiddenMatch = false;
    for (String candidate : candidates) {
      Path path = context.ctx().root().resolve(candidate);
      Path real = context.real(path, candidate, text, step);
      if (isHidden(candidate, real)) {
        hiddenMatch = true;
      } else {
        sources.add(new Source(candidate, real));
      }
    }
    if (sources.isEmpty()) {
      throw fail(
          step.keyword() + " failed: no file in the build context matches",
          text,
          hiddenMatch
              ? "the matching files are excluded by .dockerignore; remove the matching line or"
                  + " add a '!' exception to .dockerignore"
              : missingFix(name));
    }
    return sources;
  }

  /** Go's {@code filepath.Match} for one path segment. */
  private PathMatcher segmentMatcher(String text, String segment) throws DockerfileException {
    if (segment.indexOf('[') < 0 && segment.indexOf('\\') < 0) {
      return path -> SelectorUtils.match(segment, path.toString(), true);
    }
    // plexus-utils has no character classes; the JDK glob has them, with '!' for negation and
    // '{a,b}' groups that Go does not know.
    String jdkGlob = segment.replace("[^", "[!").replace("{", "\\{").replace("}", "\\}");
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + jdkGlob);
    } catch (PatternSyntaxException e) {
      throw new DockerfileException(
          step.keyword() + " failed: invalid pattern",
          text,
          step.location(),
          "close the '[' bracket, or escape it as '\\['",
          e);
    }
  }

  /** Whether .dockerignore hides a source: a file, or a directory with nothing visible in it. */
  private boolean isHidden(String name, Path real) throws IOException {
    String realName = context.relative(real);
    boolean ignored = context.ctx().isIgnored(name) || context.ctx().isIgnored(realName);
    if (!ignored) {
      return false;
    }
    return !Files.isDirectory(real) || !hasVisibleContent(real, realName);
  }

  private boolean hasVisibleContent(Path dir, String name) throws IOException {
    if (!context.ctx().hasExceptions()) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .skip(1)
          .map(
              file ->
                  dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
          .anyMatch(file -> !context.ctx().isIgnored(child(name, file)));
    }
  }

  private String missingFix(String name) {
    String relativeHint =
        "check the path; sources are relative to the build context " + context.ctx().root();
    if (name.equals("target") || name.startsWith("target/")) {
      return "run `mvn package` first (it creates target/), or " + relativeHint;
    }
    return relativeHint;
  }

  private DockerfileException notFound(String text, String name, String fix) {
    return fail(step.keyword() + " failed: source not found in build context", text, fix);
  }

  private static boolean hasMeta(String path) {
    // Go's filepath.Match meta characters on unix, backslash escapes included.
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  private static String child(String parent, String name) {
    return parent.equals(".") ? name : parent + "/" + name;
  }

  private DockerfileException fail(String what, String badValue, String fix) {
    return new DockerfileException(what, badValue, step.location(), fix);
  }
}
