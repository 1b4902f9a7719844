package dev.dockyard.engine.jib;

import dev.dockyard.context.PlannedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two layers byte-identical before either is built: each file's target path, mode, owner
 * and time in the image, and its source's size and modification time. Jars hard-linked from the
 * local Maven repository give the same signature in every module.
 */
final class LayerSignature {

  private LayerSignature() {}

  static String of(List<PlannedFile> files, Instant fileTime) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    digest.update(fileTime.toString().getBytes(StandardCharsets.UTF_8));
    for (PlannedFile file : files) {
      String line =
          "\n"
              + file.containerPath()
              + "|"
              + file.directory()
              + "|"
              + PosixFilePermissions.toString(file.permissions())
              + "|"
              + file.ownership()
              + (file.directory()
                  ? ""
                  : "|"
                      + Files.size(file.source())
                      + "|"
                      + Files.getLastModifiedTime(file.source()).toMillis());
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
