package dev.dockyard.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

  private record Inner(String name, List<String> values, boolean flag) {}

  private record Outer(int number, File file, Inner inner, Map<String, String> map) {}

  private record Steps(String base, List<Inner> steps) {}

  private static Outer outer(String name, boolean flag, String value) {
    return new Outer(
        3, new File("a/b"), new Inner(name, List.of("x", "y"), flag), Map.of("k", value));
  }

  @Test
  void recordsAreEqualExactlyWhenTheirOwnEqualsSaysSo() {
    List<Outer> variants =
        List.of(
            outer("n", true, "v"),
            outer("n", true, "v"),
            outer("m", true, "v"),
            outer("n", false, "v"),
            outer("n", true, "w"),
            new Outer(
                4, new File("a/b"), new Inner("n", List.of("x", "y"), true), Map.of("k", "v")),
            new Outer(3, null, new Inner("n", List.of("x", "y"), true), Map.of("k", "v")),
            new Outer(3, new File("a/b"), null, Map.of("k", "v")),
            new Outer(3, new File("a/b"), new Inner(null, List.of("x"), true), Map.of()));
    for (Outer a : variants) {
      for (Outer b : variants) {
        assertThat(Records.equal(a, b)).as(a + " and " + b).isEqualTo(a.equals(b));
      }
    }
    assertThat(Records.equal(null, null)).isTrue();
    assertThat(Records.equal(outer("n", true, "v"), null)).isFalse();
    assertThat(Records.equal(null, outer("n", true, "v"))).isFalse();
    assertThat(Records.equal("text", "text")).isTrue();
  }

  @Test
  void theTextNamesEveryComponentNestedRecordsListsAndMapsIncluded() {
    Steps steps =
        new Steps(
            "base", List.of(new Inner("a", List.of("1"), true), new Inner(null, List.of(), false)));

    assertThat(Records.text(steps))
        .isEqualTo(
            "Steps[base=base, steps=[Inner[name=a, values=[1], flag=true],"
                + " Inner[name=null, values=[], flag=false]]]");
    assertThat(Records.text(outer("n", true, "v")))
        .isEqualTo(
            "Outer[number=3, file=a/b, inner=Inner[name=n, values=[x, y], flag=true], map={k=v}]");
  }

  @Test
  void valuesThatDifferGiveTextsThatDiffer() {
    assertThat(Records.text(outer("n", true, "v")))
        .isNotEqualTo(Records.text(outer("n", false, "v")))
        .isNotEqualTo(Records.text(outer("n", true, "w")))
        .isNotEqualTo(Records.text(outer("m", true, "v")));
  }
}
