package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.ImageTree;
import dev.dockyard.context.ImageTree.Entry;
import dev.dockyard.context.ImageTree.Kind;
import dev.dockyard.context.ImageTree.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps a layer's tree across builds and never trusts a record that was cut short. */
class LayerTreeCacheTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;

  private final List<Entry> entries =
      List.of(
          new Entry("tmp/", new Node(Kind.DIRECTORY, 01777, 0, 0, null)),
          new Entry("odd\tname\\with\nbreaks/", new Node(Kind.DIRECTORY, 0700, 1000, 1001, null)),
          new Entry("var/run", new Node(Kind.SYMLINK, 0777, 0, 0, "../run")),
          Entry.whiteout("srv/.wh..wh..opq"));

  @Test
  void readsBackWhatItKept() throws Exception {
    LayerTreeCache cache = new LayerTreeCache(dir);
    cache.keep(DIGEST, entries);

    assertThat(new LayerTreeCache(dir).find(DIGEST)).contains(entries);
    assertThat(cache.find("sha256:" + "cd".repeat(32))).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("sha256-" + "ab".repeat(32) + ".tree");
    }
  }

  @Test
  void aRecordCutShortIsNotTrustedAndIsWrittenAgain() throws Exception {
    LayerTreeCache cache = new LayerTreeCache(dir);
    cache.keep(DIGEST, entries);
    Path file = dir.resolve("sha256-" + "ab".repeat(32) + ".tree");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

    Files.write(file, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
    assertThat(cache.find(DIGEST)).isEmpty();

    Files.write(file, lines.subList(0, 3), StandardCharsets.UTF_8);
    assertThat(cache.find(DIGEST)).isEmpty();

    List<String> garbled = new java.util.ArrayList<>(lines);
    garbled.set(2, "d\tnot-octal\t0\t0\tx");
    Files.write(file, garbled, StandardCharsets.UTF_8);
    assertThat(cache.find(DIGEST)).isEmpty();

    cache.keep(DIGEST, entries);
    assertThat(cache.find(DIGEST)).contains(entries);
  }

  @Test
  void theKeptEntriesBuildTheSameTreeAsTheLayer() throws Exception {
    LayerTreeCache cache = new LayerTreeCache(dir);
    cache.keep(DIGEST, entries);
    ImageTree tree = new ImageTree();
    tree.apply(cache.find(DIGEST).orElseThrow());

    assertThat(tree.find("/tmp")).contains(new Node(Kind.DIRECTORY, 01777, 0, 0, null));
    assertThat(tree.resolve("/var/run/x")).isEqualTo("/run/x");
  }
}
