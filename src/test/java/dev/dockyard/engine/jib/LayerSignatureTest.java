package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.PlannedFile;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer's signature follows what the layer will hold, not when its files were written. */
class LayerSignatureTest {

  private static final Instant EPOCH = Instant.ofEpochSecond(1);

  @TempDir Path dir;

  private List<PlannedFile> layer(Path file) {
    return List.of(
        new PlannedFile(
            file,
            "/app/" + file.getFileName(),
            false,
            PosixFilePermissions.fromString("rw-r--r--"),
            null));
  }

  @Test
  void aSmallFileWrittenAgainUnchangedKeepsItsSignature() throws Exception {
    Path file = Files.writeString(dir.resolve("App.class"), "class bytes");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
    String before = LayerSignature.of(layer(file), EPOCH, dir, Map.of());

    // what mvn clean package does: the same bytes, written later
    Files.delete(file);
    Files.writeString(file, "class bytes");
    Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));

    assertThat(LayerSignature.of(layer(file), EPOCH, dir, Map.of())).isEqualTo(before);
  }

  @Test
  void aSmallFileWithOtherBytesOfTheSameSizeAndTimeChangesIt() throws Exception {
    Path file = Files.writeString(dir.resolve("app.properties"), "port=8081");
    FileTime time = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(file, time);
    String before = LayerSignature.of(layer(file), EPOCH, dir, Map.of());

    Files.writeString(file, "port=8082");
    Files.setLastModifiedTime(file, time);

    assertThat(LayerSignature.of(layer(file), EPOCH, dir, Map.of())).isNotEqualTo(before);
  }

  @Test
  void aLargeFileIsKnownByItsSizeAndTime() throws Exception {
    Path jar = dir.resolve("big.jar");
    try (RandomAccessFile out = new RandomAccessFile(jar.toFile(), "rw")) {
      out.setLength(LayerSignature.HASHED_UP_TO + 1);
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    String before = LayerSignature.of(layer(jar), EPOCH, dir, Map.of());

    assertThat(LayerSignature.of(layer(jar), EPOCH, dir, Map.of())).isEqualTo(before);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    assertThat(LayerSignature.of(layer(jar), EPOCH, dir, Map.of())).isNotEqualTo(before);
  }

  @Test
  void aSmallFileOutsideTheContextIsKnownByItsSizeAndTime(@TempDir Path repository)
      throws Exception {
    // a jar of the local Maven repository: only a new version changes it, and reading every one
    // of them on every build would cost more than it saves
    Path jar = Files.writeString(repository.resolve("lib-1.0.jar"), "jar bytes");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    String before = LayerSignature.of(layer(jar), EPOCH, dir, Map.of());

    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));

    assertThat(LayerSignature.of(layer(jar), EPOCH, dir, Map.of())).isNotEqualTo(before);
  }

  @Test
  void aJarLinkedIntoTheContextIsKnownByItsOriginsSizeAndTimeWithoutReadingIt(
      @TempDir Path repository) throws Exception {
    Path jar = Files.writeString(repository.resolve("lib-1.0.jar"), "jar bytes");
    FileTime time = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(jar, time);
    Path linked = Files.createLink(dir.resolve("lib-1.0.jar"), jar);
    Map<Path, Path> origins = Map.of(linked.toRealPath(), jar);
    String before = LayerSignature.of(layer(linked.toRealPath()), EPOCH, dir, origins);

    // other bytes of the same size and time: not read, so not seen (a repository jar's bytes
    // change only with its version)
    Files.writeString(jar, "JAR BYTES");
    Files.setLastModifiedTime(jar, time);
    assertThat(LayerSignature.of(layer(linked.toRealPath()), EPOCH, dir, origins))
        .isEqualTo(before);
    // without its origin, the same link is a small file of the context: read
    assertThat(LayerSignature.of(layer(linked.toRealPath()), EPOCH, dir, Map.of()))
        .isNotEqualTo(LayerSignature.of(layer(linked.toRealPath()), EPOCH, dir, origins));

    Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    assertThat(LayerSignature.of(layer(linked.toRealPath()), EPOCH, dir, origins))
        .isNotEqualTo(before);
  }

  @Test
  void theImageFileTimeIsPartOfIt() throws Exception {
    Path file = Files.writeString(dir.resolve("App.class"), "class bytes");

    assertThat(LayerSignature.of(layer(file), EPOCH, dir, Map.of()))
        .isNotEqualTo(LayerSignature.of(layer(file), Instant.ofEpochSecond(2), dir, Map.of()));
  }
}
