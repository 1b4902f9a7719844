package dev.dockyard.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces a file whole: the new content goes to a temporary name beside it and is moved into
 * place, so a reader (another build on the same cache) sees the old file or the new, never half of
 * one; a write cut short (a killed build, a full disk) leaves no partial file behind.
 */
public final class WholeFile {

  private WholeFile() {}

  /** What writes the new content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces the file with these lines, UTF-8, each ending in a line break. */
  public static void replace(Path file, List<String> lines) throws IOException {
    replace(
        file,
        out -> {
          for (String line : lines) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  /**
   * Replaces the file with what {@code content} writes. A file that already holds exactly those
   * bytes is left as it is, its modification time too: a build that changes nothing writes nothing.
   */
  public static void replace(Path file, Content content) throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    content.writeTo(written);
    byte[] bytes = written.toByteArray();
    if (holds(file, bytes)) {
      return;
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean holds(Path file, byte[] bytes) {
    try {
      return Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && Arrays.equals(Files.readAllBytes(file), bytes);
    } catch (IOException e) {
      return false;
    }
  }
}
