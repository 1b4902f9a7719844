package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  @Test
  void alignsColumnsAndPutsTheSkipReasonLast() {
    List<String> lines =
        SummaryTable.format(
            List.of(
                new SummaryRow(
                        "order-service",
                        "127.0.0.1:5000/shop/order-service",
                        "1.0.0,latest",
                        "pushed",
                        "sha256:3abc7c687936aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00ee11ff223344",
                        50_312_345,
                        48_000_000,
                        "")
                    .withChange("unchanged", "sha256:3abc", "1.4.2"),
                SummaryRow.skipped("shared-lib", "no Dockerfile and no main class")));

    assertThat(lines)
        .containsExactly(
            "module         image                              tags          result   change       "
                + "          digest               size     new     shared",
            "order-service  127.0.0.1:5000/shop/order-service  1.0.0,latest  pushed   "
                + "unchanged since 1.4.2  sha256:3abc7c687936  50.3 MB  2.3 MB  48.0 MB",
            "shared-lib"
                + " ".repeat(54)
                + "skipped"
                + " ".repeat(72)
                + "no Dockerfile and no main class");
  }

  @Test
  void saysNewWithoutASinceTag() {
    SummaryRow row =
        new SummaryRow("a", "r/a", "1", "staged", "sha256:1", 1, 0, "")
            .withChange("new", "", "latest");
    assertThat(row.changeText()).isEqualTo("new");
    assertThat(row.withChange("changed", "sha256:0", "latest").changeText())
        .isEqualTo("changed since latest");
  }

  @Test
  void printsSizesInHumanUnits() {
    assertThat(SummaryTable.humanSize(999)).isEqualTo("999 B");
    assertThat(SummaryTable.humanSize(1_500)).isEqualTo("1.5 kB");
    assertThat(SummaryTable.humanSize(48_000_000)).isEqualTo("48.0 MB");
  }
}
