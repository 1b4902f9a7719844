package dev.dockyard.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {

  @TempDir Path dir;

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_600_000_000_000L);

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesAFileThatIsNotThereAndReplacesOneThatDiffers() throws IOException {
    Path file = dir.resolve("sub/record.txt");

    WholeFile.replace(file, List.of("one", "two"));
    assertThat(file).hasContent("one\ntwo\n");

    Files.setLastModifiedTime(file, LONG_AGO);
    WholeFile.replace(file, List.of("one", "three"));
    assertThat(file).hasContent("one\nthree\n");
    assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(LONG_AGO);
  }

  @Test
  void aFileThatHoldsTheseBytesAlreadyIsLeftAsItIs() throws IOException {
    Path file = dir.resolve("image.json");
    WholeFile.replace(file, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    Files.setLastModifiedTime(file, LONG_AGO);

    WholeFile.replace(file, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
    assertThat(filesInDir()).containsExactly("image.json");
  }

  @Test
  void contentThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("ledger.txt");
    WholeFile.replace(file, List.of("kept"));

    assertThatThrownBy(
            () ->
                WholeFile.replace(
                    file,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");

    assertThat(file).hasContent("kept\n");
    assertThat(filesInDir()).containsExactly("ledger.txt");
  }
}
