package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.BuildContext;
import dev.dockyard.context.CopyPlanner;
import dev.dockyard.context.ImageTree;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.Location;
import dev.dockyard.setting.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings for what a daemonless layer cannot hold, from real plans of real contexts. */
class LayerLimitsTest {

  @TempDir Path context;
  @TempDir Path scratch;

  private static CopyStep copy(String source, String destination, int line) {
    return new CopyStep(
        false, List.of(source), destination, null, null, "/", new Location("Dockerfile", line));
  }

  private static ImageTree baseWithStickyTmp() {
    ImageTree tree = new ImageTree();
    tree.apply(
        List.of(
            new ImageTree.Entry(
                "tmp", new ImageTree.Node(ImageTree.Kind.DIRECTORY, 01777, 0, 0, null)),
            new ImageTree.Entry(
                "opt", new ImageTree.Node(ImageTree.Kind.DIRECTORY, 0755, 0, 0, null))));
    return tree;
  }

  private List<String> warningsOf(CopyStep step, ImageTree tree) throws Exception {
    LayerLimits limits = new LayerLimits();
    RecordingLog log = new RecordingLog();
    List<PlannedFile> layer =
        new CopyPlanner(limits::linkFollowed).plan(step, BuildContext.open(context), scratch, tree);
    limits.warn(step, layer, tree, log);
    return log.warnings;
  }

  @Test
  void symlinksInsideACopiedDirectoryAreNamedOnceWithTheStep() throws Exception {
    Path dir = Files.createDirectories(context.resolve("withlinks/sub"));
    Files.writeString(dir.resolve("inner.txt"), "x");
    Files.createSymbolicLink(context.resolve("withlinks/to-sub"), Path.of("sub"));
    Files.createSymbolicLink(context.resolve("withlinks/to-file"), Path.of("sub/inner.txt"));

    List<String> warnings = warningsOf(copy("withlinks/", "/wl/", 3), baseWithStickyTmp());

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0))
        .startsWith("COPY at Dockerfile:3 copies 2 symlinks /wl/to-file, /wl/to-sub as what they")
        .contains("(" + Setting.ENGINE.property("=docker") + ")");
  }

  @Test
  void aStickyBaseDirectoryOnTheCopysPathIsNamedWithItsMode() throws Exception {
    Files.writeString(context.resolve("a.txt"), "a");

    List<String> warnings = warningsOf(copy("a.txt", "/tmp/", 7), baseWithStickyTmp());

    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("COPY at Dockerfile:7 writes into the base image directory /tmp (1777):");
  }

  @Test
  void aPlainCopyIsNotWarnedOf() throws Exception {
    Files.writeString(context.resolve("a.txt"), "a");
    Files.createSymbolicLink(context.resolve("link.txt"), Path.of("a.txt"));

    assertThat(warningsOf(copy("link.txt", "/opt/", 2), baseWithStickyTmp())).isEmpty();
  }
}
