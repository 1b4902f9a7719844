package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.ContainerBuildPlan;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.dockerfile.Location;
import dev.dockyard.engine.ImageRequest;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageAssemblyTest {

  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");
  private static final CopyStep COPY =
      new CopyStep(false, List.of("target/app.jar"), "/app/", null, null, "/", loc(3));
  private static final CopyStep ADD =
      new CopyStep(true, List.of("conf.tgz"), "/etc/app/", "1000:1000", null, "/", loc(5));

  private static Location loc(int line) {
    return new Location("Dockerfile", line);
  }

  private static ImageRecipe recipe(
      String workdir,
      String user,
      List<String> entrypoint,
      List<String> cmd,
      List<CopyStep> copies) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_OPTS", "-Xmx256m");
    env.put("APP_HOME", "/app");
    return new ImageRecipe(
        "scratch",
        loc(1),
        env,
        Map.of("team", "shop"),
        List.of("8080/tcp", "53/udp"),
        workdir,
        user,
        copies,
        entrypoint,
        cmd,
        List.of("/data", "/logs"));
  }

  private static ImageRequest request(Map<Path, Path> origins) {
    return new ImageRequest(
        "orders",
        null,
        Path.of("."),
        null,
        TestImages.named("registry.corp", "shop", "orders"),
        List.of("1.0"),
        Map.of(),
        null,
        TIME,
        null,
        null,
        new RecordingLog(),
        null,
        origins,
        null);
  }

  private static ContainerBuildPlan configured(ImageRecipe recipe) {
    JibContainerBuilder builder = Jib.fromScratch();
    ImageAssembly.configure(builder, recipe, request(Map.of()));
    return builder.toContainerBuildPlan();
  }

  private static PlannedFile file(String source, String path, String mode, String owner) {
    return new PlannedFile(
        Path.of(source), path, false, PosixFilePermissions.fromString(mode), owner);
  }

  @Test
  void configureSetsWhatTheDockerfileSays() {
    ContainerBuildPlan plan =
        configured(
            recipe(
                "/app",
                "1000:1000",
                List.of("java", "-jar", "app.jar"),
                List.of("--port", "8080"),
                List.of()));

    assertThat(plan.getFormat()).isEqualTo(ImageFormat.Docker);
    assertThat(plan.getCreationTime()).isEqualTo(TIME);
    assertThat(plan.getEnvironment())
        .containsOnly(Map.entry("JAVA_OPTS", "-Xmx256m"), Map.entry("APP_HOME", "/app"));
    assertThat(plan.getLabels()).containsOnly(Map.entry("team", "shop"));
    assertThat(plan.getExposedPorts()).containsExactlyInAnyOrder(Port.tcp(8080), Port.udp(53));
    assertThat(plan.getVolumes())
        .containsExactlyInAnyOrder(AbsoluteUnixPath.get("/data"), AbsoluteUnixPath.get("/logs"));
    assertThat(plan.getWorkingDirectory()).isEqualTo(AbsoluteUnixPath.get("/app"));
    assertThat(plan.getUser()).isEqualTo("1000:1000");
    assertThat(plan.getEntrypoint()).containsExactly("java", "-jar", "app.jar");
    assertThat(plan.getCmd()).containsExactly("--port", "8080");
  }

  @Test
  void configureLeavesTheBaseImagesValuesWhereTheDockerfileSaysNothing() {
    ContainerBuildPlan plan = configured(recipe(null, null, null, null, List.of()));

    assertThat(plan.getWorkingDirectory()).isNull();
    assertThat(plan.getUser()).isNull();
    assertThat(plan.getEntrypoint()).isNull();
    assertThat(plan.getCmd()).isNull();
  }

  @Test
  void addLayersMakesOneNamedLayerPerCopyWithThePlannedFiles() throws Exception {
    Path original = Path.of("/m2/repository/lib.jar");
    JibContainerBuilder builder = Jib.fromScratch();

    ImageAssembly.addLayers(
        builder,
        recipe(null, null, null, null, List.of(COPY, ADD)),
        List.of(
            List.of(
                file("target/app.jar", "/app/app.jar", "rw-r--r--", null),
                file("target/lib/lib.jar", "/app/lib/lib.jar", "rw-r--r--", null)),
            List.of(file("work/add/1/app.conf", "/etc/app/app.conf", "rw-------", "1000:1000"))),
        request(Map.of(Path.of("target/lib/lib.jar"), original)));

    List<FileEntriesLayer> layers =
        builder.toContainerBuildPlan().getLayers().stream()
            .map(FileEntriesLayer.class::cast)
            .toList();
    assertThat(layers).extracting(FileEntriesLayer::getName).containsExactly("copy 3", "add 5");
    List<FileEntry> copied = layers.get(0).getEntries();
    assertThat(copied)
        .extracting(FileEntry::getSourceFile)
        .containsExactly(Path.of("target/app.jar"), original);
    assertThat(copied)
        .extracting(FileEntry::getExtractionPath)
        .containsExactly(
            AbsoluteUnixPath.get("/app/app.jar"), AbsoluteUnixPath.get("/app/lib/lib.jar"));
    assertThat(copied).extracting(FileEntry::getOwnership).containsOnly("");
    assertThat(copied).extracting(FileEntry::getModificationTime).containsOnly(TIME);
    FileEntry added = layers.get(1).getEntries().get(0);
    assertThat(added.getOwnership()).isEqualTo("1000:1000");
    assertThat(added.getPermissions()).isEqualTo(FilePermissions.fromOctalString("600"));
  }

  @Test
  void signaturesLeaveOutTheEmptyLayersJibLeavesOut() throws Exception {
    PlannedFile dir = new PlannedFile(Path.of("."), "/app", true, Set.of(), null);
    ImageRequest request = request(Map.of());

    List<String> signatures =
        ImageAssembly.signatures(List.of(List.of(), List.of(dir), List.of()), request);

    assertThat(signatures)
        .containsExactly(LayerSignature.of(List.of(dir), TIME, request.contextDir(), Map.of()));
  }
}
