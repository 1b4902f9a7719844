package dev.dockyard.engine.jib;

import dev.dockyard.context.PlannedFile;
import dev.dockyard.files.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What makes two layers byte-identical before either is built: each entry's target path, mode,
 * owner and time in the image, a symlink's target, and a file's content. A file of the build
 * context (the module: its classes, resources and what dockyard laid out under {@code
 * target/dockyard}) of up to {@value #HASHED_UP_TO} bytes is known by the SHA-256 of its bytes, so
 * what {@code mvn clean} wrote again unchanged keeps its signature. Any other file, and a larger
 * one, by its size and modification time: jars of the local Maven repository and of dockyard's
 * caches only change with their content, and reading 30-70 MB of them per service would cost more
 * than the check saves. A jar laid out in the context as a link of such a file (its origin) is
 * known by its origin's size and time: jars hard-linked from the local Maven repository are not
 * read, and give the same signature in every module.
 */
final class LayerSignature {

  /** Files up to this size are read for their signature; larger ones are only looked at. */
  static final long HASHED_UP_TO = 4L << 20;

  private LayerSignature() {}

  /**
   * @param context the build context: only its files are read for their content
   * @param origins for files of the context that are links of files elsewhere, those files, by the
   *     link's real path
   */
  static String of(List<PlannedFile> files, Instant fileTime, Path context, Map<Path, Path> origins)
      throws IOException {
    Path root = context.toAbsolutePath().normalize();
    MessageDigest digest = Sha256.digest();
    digest.update(fileTime.toString().getBytes(StandardCharsets.UTF_8));
    for (PlannedFile file : files) {
      String line =
          "\n"
              + file.containerPath()
              + "|"
              + file.directory()
              + "|"
              + PosixFilePermissions.toString(file.permissions())
              + (file.special() == 0 ? "" : "+" + Integer.toOctalString(file.special()))
              + "|"
              + file.ownership()
              + (file.isLink()
                  ? "|-> " + file.link()
                  : file.directory() ? "" : "|" + content(file.source(), root, origins));
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sizeAndTime(Path file) throws IOException {
    return sizeAndTime(Files.readAttributes(file, BasicFileAttributes.class));
  }

  private static String sizeAndTime(BasicFileAttributes attributes) {
    return attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
  }

  private static String content(Path source, Path context, Map<Path, Path> origins)
      throws IOException {
    Path origin = origins.get(source);
    if (origin != null) {
      return origin + "|" + sizeAndTime(origin);
    }
    BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
    if (attributes.size() > HASHED_UP_TO
        || !source.toAbsolutePath().normalize().startsWith(context)) {
      return sizeAndTime(attributes);
    }
    return attributes.size() + "|sha256:" + Sha256.of(source);
  }
}
