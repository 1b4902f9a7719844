package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryRowTest {

  @Test
  void imageRowJoinsTheTagsAndKnowsNoDigestOrSizeYet() {
    SummaryRow row =
        SummaryRow.image(
            "order-service", "r/shop/order-service", List.of("1.0.0", "latest"), "planned");

    assertThat(row)
        .isEqualTo(
            new SummaryRow(
                "order-service",
                "r/shop/order-service",
                "1.0.0,latest",
                "planned",
                "",
                -1,
                -1,
                ""));
  }

  @Test
  void withDigestAddsTheDigestAndSizesAndKeepsTheComparison() {
    SummaryRow row =
        SummaryRow.image("a", "r/a", List.of("1"), "pushed")
            .withChange("changed", "sha256:1", "latest")
            .withDigest("sha256:2", 100, 60);

    assertThat(row)
        .isEqualTo(
            new SummaryRow(
                "a",
                "r/a",
                "1",
                "pushed",
                "sha256:2",
                100,
                60,
                "",
                "changed",
                "sha256:1",
                "latest"));
  }

  @Test
  void rowWithoutImageHasOnlyTheModuleAndTheOutcome() {
    assertThat(SummaryRow.withoutImage("lib", "failed"))
        .isEqualTo(new SummaryRow("lib", "", "", "failed", "", -1, -1, ""));
  }
}
