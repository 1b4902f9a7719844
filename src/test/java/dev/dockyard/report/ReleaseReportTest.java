package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseReportTest {

  @TempDir Path dir;

  @Test
  void tellsEachModuleAsItsSummaryRowDoes() {
    SummaryRow row =
        new SummaryRow("a", "r/ns/a", "1.0.1,latest", "pushed", "sha256:2", 100, 60, "")
            .withChange("changed", "sha256:1", "latest");

    ReleaseReport.Module module = ReleaseReport.Module.of(row);

    assertThat(module.tags()).containsExactly("1.0.1", "latest");
    assertThat(module.newBytes()).isEqualTo(40);
    assertThat(module.sharedBytes()).isEqualTo(60);
    assertThat(module.change()).isEqualTo("changed");
    assertThat(module.previousDigest()).isEqualTo("sha256:1");
    assertThat(module.since()).isEqualTo("latest");
    assertThat(ReleaseReport.Module.of(SummaryRow.skipped("lib", "a library")).tags()).isEmpty();
  }

  @Test
  void writesTheFileWholeAndReadsItBack() throws IOException {
    Path file = dir.resolve("target/dockyard/release.json");
    ReleaseReport.Release release =
        new ReleaseReport.Release(
            "not tagged",
            "svc-c failed",
            List.of(ReleaseReport.Module.of(SummaryRow.skipped("lib", "a library"))));

    ReleaseReport.write(file, release);

    assertThat(ReleaseReport.read(file)).isEqualTo(release);
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("release.json");
    }
  }
}
