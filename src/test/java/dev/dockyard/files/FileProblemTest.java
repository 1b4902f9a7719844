package dev.dockyard.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.maven.Rendered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileProblemTest {

  private final FileProblem problems = new FileProblem(Path.of("/home/ci/.cache/dockyard"));

  @Test
  void namesTheFileAndTheFixOfADeniedAccess() {
    assertThat(
            Rendered.text(
                problems.describe(
                    "writing the image report",
                    new AccessDeniedException("/src/shop/target/dockyard/image.json"))))
        .isEqualTo(
            "File access failed: writing the image report: '/src/shop/target/dockyard/image.json':"
                + " permission denied; give the user running Maven read and write access to it");
  }

  @Test
  void namesTheCachePropertyForAFailureBelowTheCache() {
    assertThat(
            Rendered.text(
                problems.describe(
                    null,
                    new FileSystemException(
                        "/home/ci/.cache/dockyard/layers/ab12", null, "No space left on device"))))
        .isEqualTo(
            "File access failed: '/home/ci/.cache/dockyard/layers/ab12': No space left on device;"
                + " free space on that file system, or build on another one; it is a cache, safe"
                + " to delete: remove it, or move the cache with"
                + " <baseImageCache>/-Ddockyard.baseImageCache=<folder>");
  }

  @Test
  void givesAPlainFailureThePathItWasWrappedWith() {
    IOException plain = new IOException("No space left on device");
    assertThat(
            Rendered.text(
                problems.describe(
                    null,
                    new FileAccessException(
                        "writing the ledger",
                        Path.of("/home/ci/.cache/dockyard/pushed-layers.tsv"),
                        plain))))
        .isEqualTo(
            "File access failed: writing the ledger: '/home/ci/.cache/dockyard/pushed-layers.tsv':"
                + " No space left on device; free space on that file system, or build on another"
                + " one; it is a cache, safe to delete: remove it, or move the cache with"
                + " <baseImageCache>/-Ddockyard.baseImageCache=<folder>");
  }

  @Test
  void keepsTheContextOfAnUncheckedFailure() {
    assertThat(
            Rendered.text(
                problems.describe(
                    new UncheckedIOException(
                        "Cannot list Java sources under '/src/shop/src/main/java'",
                        new NoSuchFileException("/src/shop/src/main/java/a/B.java")))))
        .isEqualTo(
            "File access failed: Cannot list Java sources under '/src/shop/src/main/java':"
                + " '/src/shop/src/main/java/a/B.java' does not exist; check the path, or run mvn"
                + " clean and build again");
  }

  @Test
  void tellsAFileFailureFromANetworkOne() {
    assertThat(FileProblem.isFileFailure(new NoSuchFileException("/x"))).isTrue();
    assertThat(FileProblem.isFileFailure(new java.net.SocketException("Connection reset")))
        .isFalse();
  }
}
