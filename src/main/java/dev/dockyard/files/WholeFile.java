package dev.dockyard.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Replaces the file with what {@code content} writes. */
  public static void replace(Path file, Content content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
