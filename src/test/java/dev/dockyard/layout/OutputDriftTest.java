package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDriftTest {

  @TempDir Path dir;

  /** Each write a second after the one before, as builds are: not two in one millisecond. */
  private long clock = 1_700_000_000_000L;

  private Path write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    clock += 1000;
    return Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(clock));
  }

  private List<OutputDrift.Drift> build(OutputDrift drift) throws IOException {
    Map<String, Path> outputs = OutputDrift.resourcesBelow(dir.resolve("target/classes"));
    Map<String, Path> sources =
        OutputDrift.sourcesIn(List.of(dir.resolve("src/main/resources")), outputs.keySet());
    return drift.check(outputs, sources);
  }

  @Test
  void namesAFilteredResourceThatChangesWhileItsSourceDoesNot() throws IOException {
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("src/main/resources/stamp.properties", "built=${maven.build.timestamp}");
    write("src/main/resources/app.properties", "name=app");
    write("target/classes/app.properties", "name=app");
    write("target/classes/stamp.properties", "built=2026-12-02T10:00:00.001");
    assertThat(build(drift)).as("a first build has nothing to compare with").isEmpty();

    write("target/classes/stamp.properties", "built=2026-12-02T10:00:07.412");

    assertThat(build(drift))
        .containsExactly(
            new OutputDrift.Drift(
                "stamp.properties", dir.resolve("src/main/resources/stamp.properties").toString()));
  }

  @Test
  void aResourceThatChangesWithItsSourceIsAnEditNotADrift() throws IOException {
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("src/main/resources/app.properties", "name=app");
    write("target/classes/app.properties", "name=app");
    build(drift);

    write("src/main/resources/app.properties", "name=renamed");
    write("target/classes/app.properties", "name=renamed");

    assertThat(build(drift)).isEmpty();
  }

  @Test
  void aGeneratedResourceWithoutSourceIsNotTheUsersToFix() throws IOException {
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("target/classes/META-INF/build-info.properties", "build.time=1");
    build(drift);

    write("target/classes/META-INF/build-info.properties", "build.time=2");

    assertThat(build(drift)).isEmpty();
  }

  @Test
  void aDriftIsReportedOnceForTheBuildThatMadeIt() throws IOException {
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("src/main/resources/stamp.properties", "built=${maven.build.timestamp}");
    write("target/classes/stamp.properties", "built=1");
    build(drift);
    write("target/classes/stamp.properties", "built=2");
    assertThat(build(drift)).hasSize(1);

    assertThat(build(drift)).as("the next goal of the same build sees the same output").isEmpty();
  }

  @Test
  void classFilesAreLeftOut() throws IOException {
    write("target/classes/it/App.class", "bytes");
    write("target/classes/app.properties", "name=app");

    assertThat(OutputDrift.resourcesBelow(dir.resolve("target/classes")))
        .containsOnlyKeys("app.properties");
  }

  @Test
  void aDamagedRecordCountsAsAFirstBuild() throws IOException {
    write("cache/module.properties", "broken=\\u12");
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("src/main/resources/stamp.properties", "built=${maven.build.timestamp}");
    write("target/classes/stamp.properties", "built=1");

    assertThat(build(drift)).isEmpty();
  }

  @Test
  void checkoutsAtTwoPathsKeepTwoRecords() {
    assertThat(OutputDrift.recordName(dir.resolve("one/orders")))
        .isNotEqualTo(OutputDrift.recordName(dir.resolve("two/orders")))
        .isEqualTo(OutputDrift.recordName(dir.resolve("one/../one/orders")));
  }

  @Test
  void aRewrittenResourceWithNewContentIsReadAgainThoughItsSizeIsTheSame() throws IOException {
    OutputDrift drift = new OutputDrift(dir.resolve("cache/module.properties"));
    write("src/main/resources/stamp.properties", "built=${maven.build.timestamp}");
    Path output = write("target/classes/stamp.properties", "built=1");
    Files.setLastModifiedTime(output, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    build(drift);

    write("target/classes/stamp.properties", "built=2");
    Files.setLastModifiedTime(output, java.nio.file.attribute.FileTime.fromMillis(2_000_000));

    assertThat(build(drift)).hasSize(1);
  }

  @Test
  void aBuildThatChangedNothingLeavesTheRecordAsItWas() throws IOException {
    Path record = dir.resolve("cache/module.properties");
    OutputDrift drift = new OutputDrift(record);
    write("src/main/resources/app.properties", "name=app");
    write("target/classes/app.properties", "name=app");
    build(drift);
    FileTime written = FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(record, written);

    build(drift);
    assertThat(Files.getLastModifiedTime(record)).isEqualTo(written);

    write("target/classes/app.properties", "name=app2");
    build(drift);
    assertThat(Files.getLastModifiedTime(record)).isNotEqualTo(written);
  }
}
