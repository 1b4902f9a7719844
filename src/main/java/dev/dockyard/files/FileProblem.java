package dev.dockyard.files;

import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a failed file access means to the user: the path, what was being done, and how to fix it;
 * failures below the cache folder name {@code <baseImageCache>}/{@code -Ddockyard.baseImageCache}.
 *
 * @param cacheRoot the folder that holds dockyard's caches (the parent of {@code baseImageCache}),
 *     or null when unknown
 */
public record FileProblem(Path cacheRoot) {

  private static final String CACHE_FIX =
      "it is a cache, safe to delete: remove it, or move the cache with"
          + " "
          + Setting.BASE_IMAGE_CACHE.slashed()
          + "=<folder>";

  /**
   * The message for a failure, {@code File access failed: <what> '<path>' <problem>; <fix>}.
   *
   * @param doing what was being done when it is known ({@code reading the Docker config}), else
   *     null
   */
  public String describe(String doing, IOException e) {
    String what = doing == null ? "" : doing + ": ";
    if (e instanceof FileAccessException access) {
      return describe(access.doing(), access.path(), access.getCause());
    }
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      return describe(doing, Path.of(fs.getFile()), fs);
    }
    String reason = reason(e);
    if (fromJibCache(e)) {
      return "File access failed: "
          + what
          + "the layer cache"
          + (cacheRoot == null ? "" : " '" + cacheRoot + "'")
          + " "
          + reason
          + "; "
          + fixFor(reason, null)
          + "; "
          + CACHE_FIX;
    }
    return "File access failed: " + what + reason + "; " + fixFor(reason, null);
  }

  /** {@link #describe(String, IOException)} of an unchecked one: its own message is the context. */
  public String describe(UncheckedIOException e) {
    IOException cause = e.getCause();
    String own = e.getMessage();
    boolean context = own != null && !own.equals(String.valueOf(cause));
    return describe(context ? own : null, cause);
  }

  private String describe(String doing, Path path, IOException e) {
    String problem = problem(path, e);
    boolean cached = cacheRoot != null && path.toAbsolutePath().normalize().startsWith(cacheRoot);
    return "File access failed: "
        + (doing == null ? "" : doing + ": ")
        + problem
        + "; "
        + fixFor(reason(e), e)
        + (cached ? "; " + CACHE_FIX : "");
  }

  private static String problem(Path path, IOException e) {
    String quoted = "'" + path + "'";
    if (e instanceof NoSuchFileException) {
      return quoted + " does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return quoted + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return quoted + " already exists";
    }
    if (e instanceof NotDirectoryException) {
      return quoted + " is not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return quoted + " is a folder that is not empty";
    }
    String other =
        e instanceof FileSystemException fs && fs.getOtherFile() != null
            ? " -> '" + fs.getOtherFile() + "'"
            : "";
    return quoted + other + ": " + reason(e);
  }

  private static String fixFor(String reason, IOException e) {
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("no space left") || lower.contains("quota")) {
      return "free space on that file system, or build on another one";
    }
    if (lower.contains("read-only file system")) {
      return "make that file system writable, or build on another one";
    }
    if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
      return "give the user running Maven read and write access to it";
    }
    if (e instanceof NoSuchFileException) {
      return "check the path, or run mvn clean and build again";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "remove what is in the way, or run mvn clean and build again";
    }
    return "check the path and its file system, then build again";
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message + (e.getClass() == IOException.class ? "" : " (" + e.getClass().getName() + ")");
  }

  /** True for a failure of the file system, not of the network: one this record can describe. */
  public static boolean isFileFailure(Throwable e) {
    return e instanceof FileSystemException
        || e instanceof FileAccessException
        || (e instanceof IOException && fromJibCache(e));
  }

  /** jib writes its layer cache itself; its plain IOExceptions name no file. */
  private static boolean fromJibCache(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("com.google.cloud.tools.jib.cache.")) {
        return true;
      }
    }
    return false;
  }
}
