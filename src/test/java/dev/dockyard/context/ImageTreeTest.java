package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.ImageTree.Entry;
import dev.dockyard.context.ImageTree.Kind;
import dev.dockyard.context.ImageTree.Node;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers a base image's directories and symlinks as a container runtime unpacks them. */
class ImageTreeTest {

  private static Entry dir(String path, int mode, int uid) {
    return new Entry(path, new Node(Kind.DIRECTORY, mode, uid, uid, null));
  }

  private static Entry link(String path, String target) {
    return new Entry(path, new Node(Kind.SYMLINK, 0777, 0, 0, target));
  }

  @Test
  void keepsDirectoriesWithTheirModeAndOwnerFromTarNames() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("./home/", 0755, 0), dir("home/app/", 0750, 1000)));

    assertThat(tree.find("/home/app")).contains(new Node(Kind.DIRECTORY, 0750, 1000, 1000, null));
    assertThat(tree.isDirectory("/home/app")).isTrue();
    assertThat(tree.isDirectory("/home/other")).isFalse();
    assertThat(tree.isDirectory("/")).isTrue();
  }

  @Test
  void aParentNamedOnlyByItsChildrenIsRootOwned0755() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("opt/java/bin/", 0700, 5)));

    assertThat(tree.find("/opt")).contains(new Node(Kind.DIRECTORY, 0755, 0, 0, null));
    assertThat(tree.find("/opt/java/bin")).contains(new Node(Kind.DIRECTORY, 0700, 5, 5, null));
  }

  @Test
  void aWhiteoutRemovesWhatLowerLayersHeldBelowIt() {
    ImageTree tree = new ImageTree();
    tree.apply(
        List.of(dir("srv/", 0755, 0), dir("srv/data/", 0700, 7), dir("srv/data/x/", 0755, 7)));
    tree.apply(List.of(Entry.whiteout("srv/.wh.data")));

    assertThat(tree.find("/srv")).isPresent();
    assertThat(tree.find("/srv/data")).isEmpty();
    assertThat(tree.find("/srv/data/x")).isEmpty();
  }

  @Test
  void anOpaqueWhiteoutEmptiesItsDirectoryOfLowerEntriesOnly() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("srv/", 0755, 0), dir("srv/old/", 0755, 0)));
    tree.apply(List.of(Entry.whiteout("srv/.wh..wh..opq"), dir("srv/new/", 0700, 0)));

    assertThat(tree.find("/srv")).isPresent();
    assertThat(tree.find("/srv/old")).isEmpty();
    assertThat(tree.find("/srv/new")).isPresent();
  }

  @Test
  void resolvesRelativeAbsoluteAndChainedLinksInsideTheImage() {
    ImageTree tree = new ImageTree();
    tree.apply(
        List.of(
            dir("run/", 0755, 0),
            dir("data/", 0755, 0),
            link("var/run", "../run"),
            link("srv", "/data"),
            link("www", "srv/site"),
            link("escape", "../../../../etc")));

    assertThat(tree.resolve("/var/run/app.pid")).isEqualTo("/run/app.pid");
    assertThat(tree.resolve("/srv/x")).isEqualTo("/data/x");
    assertThat(tree.resolve("/www/index.html")).isEqualTo("/data/site/index.html");
    assertThat(tree.resolve("/escape/passwd")).isEqualTo("/etc/passwd");
    assertThat(tree.isDirectory("/var/run")).isTrue();
  }

  @Test
  void aSymlinkLoopStopsAfterTheLinuxLimit() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(link("a", "b"), link("b", "a")));

    assertThat(tree.resolve("/a/file")).endsWith("/file");
    assertThat(tree.isDirectory("/a")).isFalse();
  }

  @Test
  void aLaterLayersLinkReplacesADirectoryAndWhatWasBelowIt() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("lib/", 0755, 0), dir("lib/x/", 0755, 0)));
    tree.apply(List.of(link("lib", "usr/lib")));

    assertThat(tree.find("/lib/x")).isEmpty();
    assertThat(tree.resolve("/lib/x")).isEqualTo("/usr/lib/x");
  }

  @Test
  void whatAStepCopiedIsThereForTheStepsAfterIt() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("opt/", 0755, 0), dir("opt/x/", 0755, 0)));
    Path any = Path.of(".");
    tree.add(
        List.of(
            new PlannedFile(
                any, "/owned", true, PosixFilePermissions.fromString("rwxr-x---"), "1000:50"),
            new PlannedFile(
                any, "/opt/x", false, PosixFilePermissions.fromString("rw-r--r--"), null)));

    assertThat(tree.find("/owned")).contains(new Node(Kind.DIRECTORY, 0750, 1000, 50, null));
    assertThat(tree.isDirectory("/opt/x")).isFalse();
  }

  @Test
  void aCopiedLinkAndASpecialModeAreThereForTheStepsAfterIt() {
    ImageTree tree = new ImageTree();
    tree.apply(List.of(dir("srv/", 0755, 0), dir("srv/v2/", 0755, 0)));
    Path any = Path.of(".");
    tree.add(
        List.of(
            new PlannedFile(
                any,
                "/srv/current",
                false,
                PosixFilePermissions.fromString("rwxrwxrwx"),
                "7:7",
                "v2",
                0),
            new PlannedFile(
                any,
                "/tmp",
                true,
                PosixFilePermissions.fromString("rwxrwxrwx"),
                null,
                null,
                01000)));

    assertThat(tree.find("/srv/current")).contains(new Node(Kind.SYMLINK, 0777, 7, 7, "v2"));
    assertThat(tree.resolve("/srv/current/app.jar")).isEqualTo("/srv/v2/app.jar");
    assertThat(tree.find("/tmp")).contains(new Node(Kind.DIRECTORY, 01777, 0, 0, null));
  }

  @Test
  void aWhiteoutRemovesWhatIsBelowItsPathAndNotWhatOnlyBeginsWithItsName() {
    ImageTree tree = new ImageTree();
    tree.apply(
        List.of(
            dir("opt/app/", 0755, 0),
            dir("opt/app/lib/", 0755, 0),
            dir("opt/app2/", 0755, 0),
            dir("opt/app-old/", 0755, 0),
            dir("opt/apple/x/", 0755, 0)));
    tree.apply(List.of(Entry.whiteout("opt/.wh.app")));

    assertThat(tree.find("/opt/app")).isEmpty();
    assertThat(tree.find("/opt/app/lib")).isEmpty();
    assertThat(tree.find("/opt/app2")).isPresent();
    assertThat(tree.find("/opt/app-old")).isPresent();
    assertThat(tree.find("/opt/apple/x")).isPresent();
  }

  @Test
  void aCopyOfATreeIsATreeOfItsOwn() {
    ImageTree base = new ImageTree();
    base.apply(List.of(dir("srv/", 0755, 0), dir("srv/data/", 0700, 7)));

    ImageTree copy = new ImageTree(base);
    copy.apply(List.of(Entry.whiteout("srv/.wh.data"), dir("opt/", 0700, 0)));

    assertThat(copy.find("/srv/data")).isEmpty();
    assertThat(copy.find("/opt")).isPresent();
    assertThat(base.find("/srv/data")).contains(new Node(Kind.DIRECTORY, 0700, 7, 7, null));
    assertThat(base.find("/opt")).isEmpty();
  }
}
