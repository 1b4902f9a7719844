package dev.dockyard.layout;

import dev.dockyard.files.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A cache file of text lines sealed by a last line that counts them and carries their SHA-256: a
 * file cut short (a build killed, a full disk) or changed reads as damaged, never as fewer lines.
 * Written to a temporary file and moved in place.
 */
public final class SealedLines {

  static final String SEAL = "# sealed ";

  private SealedLines() {}

  /** Writes the lines and their seal to the file, replacing it whole. */
  public static void write(Path file, List<String> lines) throws IOException {
    List<String> sealed = new ArrayList<>(lines);
    sealed.add(seal(lines));
    WholeFile.replace(file, sealed);
  }

  /**
   * The file's lines when its seal holds; empty when the file is missing, cut short, changed or
   * unsealed.
   */
  public static Optional<List<String>> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String last = lines.remove(lines.size() - 1);
    return last.equals(seal(lines)) ? Optional.of(List.copyOf(lines)) : Optional.empty();
  }

  static String seal(List<String> lines) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    for (String line : lines) {
      digest.update(line.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
    return SEAL + lines.size() + " " + HexFormat.of().formatHex(digest.digest());
  }
}
