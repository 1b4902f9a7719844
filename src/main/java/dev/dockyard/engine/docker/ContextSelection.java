package dev.dockyard.engine.docker;

import dev.dockyard.context.BuildContext;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chooses the files of a build context that a Docker engine needs: those the COPY and ADD sources
 * name (directories with everything below them), minus what {@code .dockerignore} hides. The result
 * is a sorted set of context-relative, {@code /}-separated paths; directories are listed so that
 * empty ones survive. A source that matches nothing is left for the engine to report, with the
 * instruction's line.
 */
final class ContextSelection {

  private static final Pattern GLOB_META = Pattern.compile("[*?\\[]");

  private final BuildContext context;

  ContextSelection(BuildContext context) {
    this.context = context;
  }

  /** The paths to send for the given COPY/ADD sources. */
  TreeSet<String> select(List<String> sources) throws IOException {
    TreeSet<String> selected = new TreeSet<>();
    for (String source : sources) {
      String cleaned = stripDotSlash(clean(source));
      if (cleaned.equals(".") || cleaned.isEmpty()) {
        addTree(context.root(), selected);
      } else if (cleaned.startsWith("..") || cleaned.startsWith("/")) {
        // Docker re-roots these inside the context; it reports what is missing.
        continue;
      } else if (GLOB_META.matcher(cleaned).find()) {
        addMatches(cleaned, selected);
      } else {
        Path path = context.root().resolve(cleaned);
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          addWithParents(cleaned, selected);
          addTree(path, selected);
          addLinkTarget(path, selected);
        }
      }
    }
    return selected;
  }

  private void addMatches(String pattern, TreeSet<String> selected) throws IOException {
    String[] segments = pattern.split("/");
    List<PathMatcher> matchers = new ArrayList<>();
    for (String segment : segments) {
      // Go's filepath.Match negates a class with '^'; Java's glob with '!'.
      String glob = segment.replace("[^", "[!");
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    Files.walkFileTree(
        context.root(),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.equals(context.root())) {
              return FileVisitResult.CONTINUE;
            }
            Path relative = context.root().relativize(dir);
            int depth = relative.getNameCount();
            if (!prefixMatches(relative, matchers)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (depth == matchers.size()) {
              String name = unix(relative);
              if (!context.isIgnored(name)) {
                addWithParents(name, selected);
                addTree(dir, selected);
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            Path relative = context.root().relativize(file);
            if (relative.getNameCount() == matchers.size() && prefixMatches(relative, matchers)) {
              String name = unix(relative);
              if (!context.isIgnored(name)) {
                addWithParents(name, selected);
                addLinkTarget(file, selected);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static boolean prefixMatches(Path relative, List<PathMatcher> matchers) {
    int depth = relative.getNameCount();
    if (depth > matchers.size()) {
      return false;
    }
    for (int i = 0; i < depth; i++) {
      if (!matchers.get(i).matches(relative.getName(i))) {
        return false;
      }
    }
    return true;
  }

  /** Everything below {@code start} that {@code .dockerignore} does not hide. */
  private void addTree(Path start, TreeSet<String> selected) throws IOException {
    if (!Files.isDirectory(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(context.root())) {
              String name = unix(context.root().relativize(dir));
              if (context.isIgnored(name)) {
                return FileVisitResult.CONTINUE;
              }
              selected.add(name);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = unix(context.root().relativize(file));
            if (!context.isIgnored(name)) {
              addWithParents(name, selected);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** A source that is a symlink is followed by Docker: send what it points at, when inside. */
  private void addLinkTarget(Path path, TreeSet<String> selected) {
    if (!Files.isSymbolicLink(path)) {
      return;
    }
    try {
      Path root = context.root().toRealPath();
      Path real = path.toRealPath();
      if (real.startsWith(root) && !real.equals(root)) {
        String name = unix(root.relativize(real));
        if (!context.isIgnored(name)) {
          addWithParents(name, selected);
          addTree(real, selected);
        }
      }
    } catch (IOException e) {
      // a dangling link is sent as it is; the engine reports it
    }
  }

  private void addWithParents(String name, TreeSet<String> selected) {
    if (context.isIgnored(name)) {
      return;
    }
    selected.add(name);
    int slash = name.lastIndexOf('/');
    while (slash > 0) {
      selected.add(name.substring(0, slash));
      slash = name.lastIndexOf('/', slash - 1);
    }
  }

  private static String unix(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }

  private static String stripDotSlash(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }

  private static String clean(String path) {
    String cleaned = path.replaceAll("/+", "/");
    while (cleaned.startsWith("./")) {
      cleaned = cleaned.substring(2);
    }
    cleaned = cleaned.replaceAll("/(\\./)+", "/");
    if (cleaned.endsWith("/.")) {
      cleaned = cleaned.substring(0, cleaned.length() - 2);
    }
    if (cleaned.length() > 1 && cleaned.endsWith("/")) {
      cleaned = cleaned.substring(0, cleaned.length() - 1);
    }
    return cleaned.isEmpty() ? "." : cleaned;
  }
}
