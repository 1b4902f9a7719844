package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heredoc sources of COPY ({@code COPY <<EOF /app/app.conf}) planned as BuildKit writes them. */
class CopyPlannerInlineTest {

  private static final Location AT = new Location("Dockerfile", 3);

  @TempDir Path tmp;
  private Path root;

  @BeforeEach
  void createContext() throws Exception {
    root = Files.createDirectories(tmp.resolve("module"));
  }

  private List<PlannedFile> plan(
      List<String> sources, String destination, String chown, String chmod, String... inline)
      throws Exception {
    List<CopyStep.InlineFile> files =
        java.util.Arrays.stream(inline)
            .map(spec -> new CopyStep.InlineFile(spec.split("=", 2)[0], spec.split("=", 2)[1]))
            .toList();
    CopyStep step = new CopyStep(false, sources, destination, chown, chmod, "/srv", AT, files);
    return new CopyPlanner().plan(step, BuildContext.open(root), tmp.resolve("scratch"));
  }

  @Test
  void anInlineFileGoesToTheDestinationWithMode0644AndRootOwner() throws Exception {
    List<PlannedFile> plan = plan(List.of(), "/app/app.conf", null, null, "EOF=port=8080\n");

    assertThat(plan).hasSize(1);
    PlannedFile file = plan.get(0);
    assertThat(file.containerPath()).isEqualTo("/app/app.conf");
    assertThat(Files.readString(file.source())).isEqualTo("port=8080\n");
    assertThat(PosixFilePermissions.toString(file.permissions())).isEqualTo("rw-r--r--");
    assertThat(file.ownership()).isNull();
  }

  @Test
  void inlineFilesIntoADirectoryAreNamedAfterTheirDelimiterAndTakeChmodAndChown() throws Exception {
    List<PlannedFile> plan =
        plan(List.of(), "conf/", "1000:1000", "0600", "a.txt=A\n", "b.txt=B\n");

    assertThat(plan)
        .extracting(PlannedFile::containerPath)
        .containsExactly("/srv/conf/a.txt", "/srv/conf/b.txt");
    assertThat(plan)
        .allSatisfy(
            f -> {
              assertThat(PosixFilePermissions.toString(f.permissions())).isEqualTo("rw-------");
              assertThat(f.ownership()).isEqualTo("1000:1000");
            });
  }

  @Test
  void anInlineFileIsCopiedAfterTheContextSourcesAndWinsOverThem() throws Exception {
    Files.writeString(root.resolve("EOF"), "from context\n");

    List<PlannedFile> plan = plan(List.of("EOF"), "/d/", null, null, "EOF=inline\n");

    assertThat(plan).hasSize(1);
    assertThat(Files.readString(plan.get(0).source())).isEqualTo("inline\n");
  }

  @Test
  void severalSourcesWithInlineFilesNeedADirectoryDestination() {
    assertThatThrownBy(() -> plan(List.of(), "/app/app.conf", null, null, "a=1", "b=2"))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith("COPY with more than one source needs a directory destination");
  }
}
