package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockyard.context.ImageTree.Entry;
import dev.dockyard.context.ImageTree.Kind;
import dev.dockyard.context.ImageTree.Node;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY against the image's file tree: destinations and the directories Docker leaves. */
class CopyPlannerTreeTest {

  private static final Location AT = new Location("src/main/docker/Dockerfile", 3);

  @TempDir Path tmp;
  private Path root;
  private ImageTree tree;

  @BeforeEach
  void baseImage() throws IOException {
    root = Files.createDirectories(tmp.resolve("module"));
    tree = new ImageTree();
    tree.apply(
        List.of(
            dir("opt/", 0755, 0),
            dir("opt/java/", 0755, 0),
            dir("home/", 0755, 0),
            dir("home/app/", 0750, 1000),
            dir("tmp/", 01777, 0),
            dir("run/", 0755, 0),
            new Entry("var/run", new Node(Kind.SYMLINK, 0777, 0, 0, "../run"))));
    file("a.txt");
    file("tree/x.txt");
    Files.createDirectories(root.resolve("empty"));
  }

  @Test
  void aFileCopiedOntoADirectoryOfTheImageLandsInsideIt() throws Exception {
    assertThat(paths(plan(copy("/opt", null, "a.txt")))).containsExactly("/opt/a.txt");
  }

  @Test
  void aFileToANewNameStaysThatName() throws Exception {
    assertThat(paths(plan(copy("/opt/b.txt", null, "a.txt")))).containsExactly("/opt/b.txt");
  }

  @Test
  void anExistingDirectoryOnThePathKeepsItsModeAndOwner() throws Exception {
    assertThat(plan(copy("/home/app", null, "a.txt")))
        .extracting(
            PlannedFile::containerPath, PlannedFile::directory, this::mode, PlannedFile::ownership)
        .containsExactly(
            tuple("/home/app", true, "rwxr-x---", "1000:1000"),
            tuple("/home/app/a.txt", false, "rw-r--r--", null));
  }

  @Test
  void directoriesTheStepCreatesAreOwnedByItsChownOwner() throws Exception {
    assertThat(plan(copy("/srv/data/", "1000:50", "a.txt")))
        .extracting(
            PlannedFile::containerPath, PlannedFile::directory, this::mode, PlannedFile::ownership)
        .containsExactly(
            tuple("/srv", true, "rwxr-xr-x", "1000:50"),
            tuple("/srv/data", true, "rwxr-xr-x", "1000:50"),
            tuple("/srv/data/a.txt", false, "rw-r--r--", "1000:50"));
  }

  @Test
  void withoutChownNewAndPlainDirectoriesAreLeftToTheLayerBuilder() throws Exception {
    assertThat(paths(plan(copy("/opt/java/conf/", null, "a.txt"))))
        .containsExactly("/opt/java/conf/a.txt");
  }

  @Test
  void theDestinationOfAnEmptyDirectoryIsCreated() throws Exception {
    assertThat(plan(copy("/e2/", null, "empty")))
        .extracting(PlannedFile::containerPath, PlannedFile::directory, this::mode)
        .containsExactly(tuple("/e2", true, "rwxr-xr-x"));
  }

  @Test
  void theDestinationFollowsTheImagesSymlinks() throws Exception {
    assertThat(paths(plan(copy("/var/run/", null, "a.txt")))).containsExactly("/run/a.txt");
  }

  @Test
  void aDirectoryAnEarlierStepCreatedKeepsThatStepsOwner() throws Exception {
    List<PlannedFile> first = plan(copy("/owned/", "1000:1000", "a.txt"));
    tree.add(first);

    assertThat(plan(copy("/owned/more/", null, "tree")))
        .extracting(PlannedFile::containerPath, PlannedFile::ownership)
        .containsExactly(tuple("/owned", "1000:1000"), tuple("/owned/more/x.txt", null));
  }

  @Test
  void withoutATreeNothingChanges() throws Exception {
    List<PlannedFile> plain =
        new CopyPlanner().plan(copy("/opt", "1000:1000", "a.txt"), BuildContext.open(root), tmp);

    assertThat(paths(plain)).containsExactly("/opt");
  }

  private List<PlannedFile> plan(CopyStep step) throws Exception {
    return new CopyPlanner().plan(step, BuildContext.open(root), tmp.resolve("scratch"), tree);
  }

  private String mode(PlannedFile file) {
    return PosixFilePermissions.toString(file.permissions());
  }

  private static CopyStep copy(String destination, String chown, String... sources) {
    return new CopyStep(false, List.of(sources), destination, chown, null, "/", AT);
  }

  private static Entry dir(String path, int mode, int uid) {
    return new Entry(path, new Node(Kind.DIRECTORY, mode, uid, uid, null));
  }

  private void file(String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, path);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static List<String> paths(List<PlannedFile> plan) {
    return plan.stream().map(PlannedFile::containerPath).toList();
  }
}
