package dev.dockyard.maven;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A failure that is a full disk, told as which folder filled, what was being written there and how
 * to make room. The operating system says only "No space left on device", mostly without a path:
 * the writer is known from the failed write's stack, the folder from the build's own settings.
 *
 * @param buildDirectory the module's build directory ({@code <build><directory>})
 * @param cache the cache folder: the parent of {@code dockyard.baseImageCache}
 */
record DiskFull(Path buildDirectory, Path cache) {

  static final String NO_SPACE = "No space left on device";

  /** A writer known by the classes on its stack: what it writes, and whether into the cache. */
  private record Writer(String classPrefix, String writes, boolean inCache) {}

  private static final List<Writer> WRITERS =
      List.of(
          new Writer(
              "com.google.cloud.tools.jib.builder.steps.WriteTarFileStep",
              "the image tarball (dockyard/image.tar)",
              false),
          new Writer(
              "com.google.cloud.tools.jib.cache.", "image layers into jib's layer cache", true),
          new Writer("dev.dockyard.layout.ReactorJar", "a reactor jar's normalized copy", true),
          new Writer(
              "dev.dockyard.layout.OutputDrift", "the record of this module's resources", true),
          new Writer("dev.dockyard.layout.JarMembership", "the reactor's jar membership", true),
          new Writer("dev.dockyard.", "the image's files", false));

  /** The message for this failure when it is a full disk. */
  Optional<String> explain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    Optional<Throwable> full =
        chain.stream()
            .filter(
                t -> t instanceof IOException && String.valueOf(t.getMessage()).contains(NO_SPACE))
            .reduce((first, second) -> second);
    if (full.isEmpty()) {
      return Optional.empty();
    }
    Writer writer = writer(full.get());
    Path folder = folder(full.get(), writer);
    boolean inCache =
        folder.startsWith(cache) || !folder.startsWith(buildDirectory) && writer.inCache();
    return Optional.of(
        NO_SPACE
            + " writing "
            + writer.writes()
            + " in "
            + folder
            + " ("
            + free(folder)
            + "); "
            + (inCache ? cacheFix() : buildFix()));
  }

  /** Classes that write for others: the frame below them names what was being written. */
  private static final List<String> PASS_THROUGH =
      List.of("dev.dockyard.files.", "dev.dockyard.layout.SealedLines");

  private static Writer writer(Throwable full) {
    for (StackTraceElement frame : full.getStackTrace()) {
      if (PASS_THROUGH.stream().anyMatch(frame.getClassName()::startsWith)) {
        continue;
      }
      for (Writer writer : WRITERS) {
        if (frame.getClassName().startsWith(writer.classPrefix())) {
          return writer;
        }
      }
    }
    return new Writer("", "files", false);
  }

  /** The file the system named, else the folder the writer writes to. */
  private Path folder(Throwable full, Writer writer) {
    if (full instanceof FileSystemException named && named.getFile() != null) {
      Path file = Path.of(named.getFile()).toAbsolutePath();
      return file.getParent() == null ? file : file.getParent();
    }
    return writer.inCache() ? cache : buildDirectory;
  }

  private String cacheFix() {
    return "free space on that disk, or move dockyard's cache to a disk with room with"
        + " -Ddockyard.baseImageCache=DIR (<baseImageCache>); all of "
        + cache
        + " is a cache, safe to delete";
  }

  private static String buildFix() {
    return "free space on that disk (mvn clean removes what earlier builds left), or build on a disk"
        + " with room";
  }

  /** What is free there now: after the failed write, whatever it had written is gone again. */
  private static String free(Path folder) {
    for (Path existing = folder; existing != null; existing = existing.getParent()) {
      if (Files.exists(existing)) {
        try {
          long mb = Files.getFileStore(existing).getUsableSpace() >> 20;
          return mb + " MB free there now";
        } catch (IOException e) {
          return "free space unknown: " + e.getMessage();
        }
      }
    }
    return "the folder does not exist";
  }
}
