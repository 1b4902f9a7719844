package dev.dockyard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerLedgerTest {

  @TempDir Path dir;

  @Test
  void aLedgerKeptInAFileRemembersThePushesOfEarlierBuilds() {
    Path file = dir.resolve("cache/pushed-layers.tsv");
    LayerLedger first = LayerLedger.keptIn(file);
    first.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "shop/orders"));
    first.save();

    LayerLedger next = LayerLedger.keptIn(file);

    assertThat(next.find("reg:5000", "sig-a"))
        .contains(new LayerLedger.Pushed("sha256:aa", 10, "shop/orders"));
    assertThat(next.contains("reg:5000", "sha256:aa")).isTrue();
    assertThat(next.find("other:5000", "sig-a")).isEmpty();
  }

  @Test
  void twoBuildsSharingTheFileKeepEachOthersPushes() {
    Path file = dir.resolve("pushed-layers.tsv");
    LayerLedger one = LayerLedger.keptIn(file);
    LayerLedger other = LayerLedger.keptIn(file);
    one.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "shop/orders"));
    other.record("reg:5000", "sig-b", new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
    one.save();
    other.save();

    LayerLedger next = LayerLedger.keptIn(file);

    assertThat(next.find("reg:5000", "sig-a"))
        .contains(new LayerLedger.Pushed("sha256:aa", 10, "shop/orders"));
    assertThat(next.find("reg:5000", "sig-b"))
        .contains(new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
  }

  @Test
  void aBuildDoesNotWriteBackWhatItReadOverANewerPushOfAnotherBuild() {
    Path file = dir.resolve("pushed-layers.tsv");
    LayerLedger earlier = LayerLedger.keptIn(file);
    earlier.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "old/repo"));
    earlier.save();
    LayerLedger one = LayerLedger.keptIn(file);
    LayerLedger other = LayerLedger.keptIn(file);
    other.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "new/repo"));
    other.save();
    one.record("reg:5000", "sig-b", new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
    one.save();

    LayerLedger next = LayerLedger.keptIn(file);

    assertThat(next.find("reg:5000", "sig-a"))
        .contains(new LayerLedger.Pushed("sha256:aa", 10, "new/repo"));
    assertThat(next.find("reg:5000", "sig-b"))
        .contains(new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
  }

  @Test
  void buildsSavingAtOnceFromManyThreadsLoseNoPushAndLeaveNoTemporaryFile() throws Exception {
    Path file = dir.resolve("pushed-layers.tsv");
    int builds = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(builds);
    java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int b = 0; b < builds; b++) {
      int build = b;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 20; i++) {
                  LayerLedger ledger = LayerLedger.keptIn(file);
                  ledger.record(
                      "reg", "sig-" + build + "-" + i, new LayerLedger.Pushed("sha256:x", 1, "r"));
                  ledger.save();
                }
              }));
    }
    for (java.util.concurrent.Future<?> each : done) {
      each.get();
    }
    pool.shutdown();

    LayerLedger next = LayerLedger.keptIn(file);
    for (int b = 0; b < builds; b++) {
      for (int i = 0; i < 20; i++) {
        assertThat(next.find("reg", "sig-" + b + "-" + i)).as("sig-%d-%d", b, i).isPresent();
      }
    }
    try (java.util.stream.Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("pushed-layers.tsv", "pushed-layers.tsv.lock");
    }
  }

  @Test
  void theLatestPushOfALayerIsWhereItIsMountedFrom() {
    LayerLedger ledger = LayerLedger.keptIn(dir.resolve("pushed-layers.tsv"));
    ledger.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "old/repo"));
    ledger.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "new/repo"));

    assertThat(ledger.find("reg:5000", "sig-a"))
        .get()
        .extracting(LayerLedger.Pushed::repository)
        .isEqualTo("new/repo");
  }

  @Test
  void anUnreadableFileIsAnEmptyLedgerAndARunOnlyLedgerWritesNothing() throws Exception {
    Path file = dir.resolve("pushed-layers.tsv");
    String unreadable = "garbage\nreg\tsig\tsha256:bb\tnot-a-number\trepo\n";
    Files.writeString(file, unreadable);

    assertThat(LayerLedger.keptIn(file).find("reg", "sig")).isEmpty();

    LayerLedger runOnly = new LayerLedger();
    runOnly.record("reg", "sig", new LayerLedger.Pushed("sha256:cc", 1, "repo"));
    runOnly.save();
    assertThat(Files.readString(file)).isEqualTo(unreadable);
  }

  @Test
  void theFileKeepsOnlyTheMostRecentLayers() {
    Path file = dir.resolve("pushed-layers.tsv");
    LayerLedger ledger = LayerLedger.keptIn(file);
    for (int i = 0; i <= LayerLedger.MAX_REMEMBERED; i++) {
      ledger.record("reg", "sig-" + i, new LayerLedger.Pushed("sha256:" + i, 1, "repo"));
    }
    ledger.save();

    LayerLedger next = LayerLedger.keptIn(file);
    assertThat(next.find("reg", "sig-0")).isEmpty();
    assertThat(next.find("reg", "sig-" + LayerLedger.MAX_REMEMBERED)).isPresent();
  }

  @Test
  void aLineCutShortOrChangedIsDroppedAndTheNextSaveRewritesTheFile() throws Exception {
    Path file = dir.resolve("pushed-layers.tsv");
    LayerLedger first = LayerLedger.keptIn(file);
    first.record("reg:5000", "sig-a", new LayerLedger.Pushed("sha256:aa", 10, "shop/orders"));
    first.record("reg:5000", "sig-b", new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
    first.record("reg:5000", "sig-c", new LayerLedger.Pushed("sha256:cc", 30, "shop/users"));
    first.save();
    java.util.List<String> lines = Files.readAllLines(file);
    // sig-a's repository changed, sig-c's line cut short half-way (as by a kill or a full disk).
    String changed = lines.get(0).replace("shop/orders", "shop/ordres");
    String cut = lines.get(2).substring(0, lines.get(2).length() / 2);
    Files.write(file, java.util.List.of(changed, lines.get(1), cut));

    LayerLedger next = LayerLedger.keptIn(file);

    assertThat(next.dropped()).isEqualTo(2);
    assertThat(next.find("reg:5000", "sig-a")).isEmpty();
    assertThat(next.find("reg:5000", "sig-c")).isEmpty();
    assertThat(next.contains("reg:5000", "sha256:cc")).isFalse();
    assertThat(next.find("reg:5000", "sig-b"))
        .contains(new LayerLedger.Pushed("sha256:bb", 20, "shop/billing"));
    next.record("reg:5000", "sig-c", new LayerLedger.Pushed("sha256:cc", 30, "shop/users"));
    next.save();
    LayerLedger rebuilt = LayerLedger.keptIn(file);
    assertThat(rebuilt.dropped()).isZero();
    assertThat(rebuilt.find("reg:5000", "sig-c"))
        .contains(new LayerLedger.Pushed("sha256:cc", 30, "shop/users"));
    assertThat(rebuilt.find("reg:5000", "sig-a")).isEmpty();
  }

  @Test
  void aLineWithoutChecksumFromAnOlderVersionIsNotTrusted() throws Exception {
    Path file = dir.resolve("pushed-layers.tsv");
    Files.writeString(file, "reg:5000\tsig-a\tsha256:aa\t10\tshop/orders\n");

    LayerLedger ledger = LayerLedger.keptIn(file);

    assertThat(ledger.dropped()).isEqualTo(1);
    assertThat(ledger.find("reg:5000", "sig-a")).isEmpty();
  }
}
