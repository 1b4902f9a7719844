package dev.dockyard.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A jar the reactor builds, as it goes into an image: {@code META-INF/maven/} (which carries the
 * version in {@code pom.properties}) left out, and every entry's time fixed, so only its content
 * counts. A service whose library did not change gets the same layer across a version bump, and
 * with or without {@code project.build.outputTimestamp}. Normalized jars are kept by the hash of
 * their content: the same content is the same file, with the same modification time, build after
 * build.
 */
public final class ReactorJar {

  /** The time every entry gets: the earliest a zip entry can carry, in no time zone. */
  static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

  /** Left out: Maven's copy of the POM and its properties, which name the version. */
  static final String MAVEN_METADATA = "META-INF/maven/";

  private ReactorJar() {}

  /**
   * The normalized form of this jar, under {@code cache/<hash>/<name>}; written once per content.
   */
  public static Path normalized(Path jar, String name, Path cache) throws IOException {
    byte[] content = normalize(jar);
    Path file = cache.resolve(sha256(content)).resolve(name);
    // A file cut short or changed since it was kept is not trusted: it is written again.
    if (Files.isRegularFile(file)
        && Files.size(file) == content.length
        && Arrays.equals(Files.readAllBytes(file), content)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), name, ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return file;
  }

  /** The jar's bytes with Maven's metadata left out and every entry time fixed. */
  static byte[] normalize(Path jar) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in);
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().startsWith(MAVEN_METADATA)) {
          continue;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(copy);
        zip.transferTo(out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
