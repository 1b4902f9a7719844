package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedLinesTest {

  @TempDir Path dir;

  @Test
  void readsBackWhatWasWritten() throws Exception {
    Path file = dir.resolve("cache/membership.tsv");
    SealedLines.write(file, List.of("a.jar\torders,users", "b.jar\tbilling"));

    assertThat(SealedLines.read(file)).contains(List.of("a.jar\torders,users", "b.jar\tbilling"));
    assertThat(SealedLines.read(dir.resolve("missing.tsv"))).isEmpty();
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aFileCutShortAtAnyByteIsDamaged() throws Exception {
    Path file = dir.resolve("membership.tsv");
    SealedLines.write(file, List.of("a.jar\torders,users", "b.jar\tbilling"));
    byte[] whole = Files.readAllBytes(file);

    for (int length = 0; length < whole.length - 1; length++) {
      Files.write(file, java.util.Arrays.copyOf(whole, length));
      assertThat(SealedLines.read(file)).as("cut at byte %d", length).isEmpty();
    }
  }

  @Test
  void aChangedLineALostLineAndAnUnsealedFileAreDamaged() throws Exception {
    Path file = dir.resolve("membership.tsv");
    SealedLines.write(file, List.of("a.jar\torders,users", "b.jar\tbilling"));
    List<String> lines = Files.readAllLines(file);

    Files.write(file, List.of("a.jar\torders", lines.get(1), lines.get(2)));
    assertThat(SealedLines.read(file)).isEmpty();
    Files.write(file, List.of(lines.get(0), lines.get(2)));
    assertThat(SealedLines.read(file)).isEmpty();
    Files.writeString(file, "a.jar\torders,users\n", StandardCharsets.UTF_8);
    assertThat(SealedLines.read(file)).isEmpty();
  }
}
