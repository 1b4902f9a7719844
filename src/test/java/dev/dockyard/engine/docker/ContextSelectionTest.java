package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.BuildContext;
import dev.dockyard.dockerfile.CopySources;
import dev.dockyard.dockerfile.DockerfileParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a module directory go to the engine: only what COPY and ADD read. */
class ContextSelectionTest {

  @TempDir Path module;

  @BeforeEach
  void layOutAModule() throws IOException {
    write("pom.xml", "<project/>");
    write("src/main/java/App.java", "class App {}");
    write("target/dockyard/app/classes/App.class", "cafebabe");
    write("target/dockyard/app/libs/a.jar", "a");
    write("target/dockyard/app/libs/b.jar", "b");
    write("target/dockyard/Dockerfile", "FROM x");
    write("target/big/junk.bin", "junk");
    write("config/app.properties", "k=v");
    write("config/secret.properties", "password=1");
    write("config/sub/nested.txt", "n");
    write("scripts/setup.sh", "#!/bin/sh");
    write("scripts/notes.md", "notes");
  }

  @Test
  void sendsOnlyTheCopiedFilesAndTheirParents() throws Exception {
    TreeSet<String> selected =
        select(
            "FROM base\n"
                + "COPY target/dockyard/app/classes/ /app/classes/\n"
                + "RUN echo hi\n"
                + "COPY scripts/setup.sh /usr/local/bin/\n");

    assertThat(selected)
        .containsExactly(
            "scripts",
            "scripts/setup.sh",
            "target",
            "target/dockyard",
            "target/dockyard/app",
            "target/dockyard/app/classes",
            "target/dockyard/app/classes/App.class");
  }

  @Test
  void honoursDockerignoreInsideCopiedDirectories() throws Exception {
    write(".dockerignore", "config/secret.properties\n**/*.md\n");

    TreeSet<String> selected = select("FROM base\nCOPY config/ scripts/ /app/\n");

    assertThat(selected)
        .containsExactly(
            "config",
            "config/app.properties",
            "config/sub",
            "config/sub/nested.txt",
            "scripts",
            "scripts/setup.sh");
  }

  @Test
  void expandsGlobsPerSegment() throws Exception {
    TreeSet<String> selected = select("FROM base\nCOPY target/dockyard/app/libs/*.jar /libs/\n");

    assertThat(selected)
        .containsExactly(
            "target",
            "target/dockyard",
            "target/dockyard/app",
            "target/dockyard/app/libs",
            "target/dockyard/app/libs/a.jar",
            "target/dockyard/app/libs/b.jar");
  }

  @Test
  void ignoresCopyFromStagesAndUrls() throws Exception {
    TreeSet<String> selected =
        select(
            "FROM base AS build\n"
                + "COPY pom.xml /work/\n"
                + "FROM base\n"
                + "COPY --from=build /work/target/app.jar /app/\n"
                + "ADD https://example.com/x.tgz /opt/\n");

    assertThat(selected).containsExactly("pom.xml");
  }

  @Test
  void substitutesBuildArgsAndArgDefaultsInSources() throws Exception {
    TreeSet<String> selected =
        select(
            "ARG DIR=config\n"
                + "FROM base\n"
                + "ARG DIR\n"
                + "ARG FILE=setup.sh\n"
                + "COPY ${DIR}/app.properties scripts/$FILE /app/\n",
            Map.of("FILE", "notes.md"));

    assertThat(selected)
        .containsExactly("config", "config/app.properties", "scripts", "scripts/notes.md");
  }

  @Test
  void aVariableFromTheBaseImageWidensItsSegmentToEverything() throws Exception {
    TreeSet<String> selected = select("FROM base\nCOPY scripts/$FROM_BASE /app/\n");

    assertThat(selected).containsExactly("scripts", "scripts/notes.md", "scripts/setup.sh");
  }

  @Test
  void copyOfTheWholeContextSendsEverythingNotIgnored() throws Exception {
    assertThat(select("FROM base\nCOPY . /src/\n"))
        .as("without .dockerignore the whole context goes")
        .contains("target/big/junk.bin", "src/main/java/App.java");
    write(".dockerignore", "target\nsrc\n");

    TreeSet<String> selected = select("FROM base\nCOPY . /src/\n");

    assertThat(selected).doesNotContain("target/big/junk.bin", "src/main/java/App.java");
    assertThat(selected).contains("pom.xml", "config/sub/nested.txt", ".dockerignore");
  }

  @Test
  void missingSourcesAreLeftForTheEngineToReport() throws Exception {
    assertThat(select("FROM base\nCOPY nothing-here/ /app/\n")).isEmpty();
  }

  @Test
  void archiveHoldsTheDockerfileAndTheSelectionRootOwnedAndDated() throws Exception {
    TreeSet<String> selected = select("FROM base\nCOPY config/sub/ /app/\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Instant time = Instant.parse("2024-01-01T00:00:00Z");

    ContextArchive.write(
        module,
        selected,
        module.resolve("target/dockyard/Dockerfile"),
        "target/dockyard/Dockerfile",
        java.util.Map.of(),
        time,
        out);

    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        names.add(entry.getName());
        assertThat(entry.getModTime().toInstant()).isEqualTo(time);
        assertThat(entry.getLongUserId()).isZero();
      }
    }
    assertThat(names)
        .containsExactly(
            "config/", "config/sub/", "config/sub/nested.txt", "target/dockyard/Dockerfile");
  }

  @Test
  void archiveKeepsSetuidSetgidAndStickyBits() throws Exception {
    Path tool = module.resolve("config/sub/nested.txt");
    Files.setAttribute(tool, "unix:mode", 04755);
    Files.setAttribute(module.resolve("config/sub"), "unix:mode", 03775);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ContextArchive.write(
        module,
        select("FROM base\nCOPY config/sub/ /app/\n"),
        module.resolve("target/dockyard/Dockerfile"),
        "target/dockyard/Dockerfile",
        Map.of(),
        Instant.EPOCH,
        out);

    Map<String, Integer> modes = new java.util.TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        modes.put(entry.getName(), entry.getMode() & 07777);
      }
    }
    assertThat(modes)
        .containsEntry("config/sub/nested.txt", 04755)
        .containsEntry("config/sub/", 03775)
        .containsEntry("target/dockyard/Dockerfile", 0644);
  }

  private TreeSet<String> select(String dockerfile) throws Exception {
    return select(dockerfile, Map.of());
  }

  private TreeSet<String> select(String dockerfile, Map<String, String> buildArgs)
      throws Exception {
    return new ContextSelection(BuildContext.open(module))
        .select(CopySources.of(DockerfileParser.parse(dockerfile, "Dockerfile"), buildArgs));
  }

  private void write(String path, String content) throws IOException {
    Path file = module.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
