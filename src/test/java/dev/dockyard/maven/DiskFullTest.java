package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.engine.EngineException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFullTest {

  @TempDir Path dir;
  private Path target;
  private Path cache;
  private DiskFull disk;

  @BeforeEach
  void folders() {
    target = dir.resolve("module/target");
    cache = dir.resolve("cache/dockyard");
    disk = new DiskFull(target, cache);
  }

  @Test
  void aFullCacheNamesTheCacheFolderAndTheSettingThatMovesIt() {
    IOException full = writtenBy("com.google.cloud.tools.jib.cache.CacheStorageWriter");
    Exception failure =
        new EngineException(
            "Image build failed: No space left on device", false, new ExecutionException(full));

    assertThat(disk.explain(failure).map(DiskFullTest::anyFreeSpace))
        .contains(
            "No space left on device writing image layers into jib's layer cache in "
                + cache
                + " (N MB free there now); free space on that disk, or move dockyard's cache to a"
                + " disk with room with -Ddockyard.baseImageCache=DIR (<baseImageCache>); all of "
                + cache
                + " is a cache, safe to delete");
  }

  @Test
  void aFullBuildDirectoryNamesItAndTheTarballBeingWritten() {
    IOException full = writtenBy("com.google.cloud.tools.jib.builder.steps.WriteTarFileStep");

    assertThat(disk.explain(new ExecutionException(full)).map(DiskFullTest::anyFreeSpace))
        .contains(
            "No space left on device writing the image tarball (dockyard/image.tar) in "
                + target
                + " (N MB free there now); free space on that disk (mvn clean removes what earlier"
                + " builds left), or build on a disk with room");
  }

  @Test
  void aFileTheSystemNamedGivesTheFolder() {
    Path dockerfile = target.resolve("dockyard/Dockerfile");
    FileSystemException full =
        new FileSystemException(dockerfile.toString(), null, DiskFull.NO_SPACE);

    assertThat(disk.explain(full).map(DiskFullTest::anyFreeSpace))
        .get()
        .asString()
        .startsWith(
            "No space left on device writing the image's files in " + target.resolve("dockyard"))
        .endsWith("or build on a disk with room");
  }

  @Test
  void aReactorJarCopyGoesToTheCache() {
    assertThat(disk.explain(writtenBy("dev.dockyard.layout.ReactorJar")))
        .get()
        .asString()
        .startsWith("No space left on device writing a reactor jar's normalized copy in " + cache);
  }

  @Test
  void otherFailuresAreNotAFullDisk() {
    assertThat(disk.explain(new IOException("Permission denied"))).isEmpty();
    assertThat(disk.explain(new IllegalStateException(DiskFull.NO_SPACE))).isEmpty();
  }

  @Test
  void theTranslatorTellsAFullDiskAsAnEnvironmentFailure() {
    IOException full = writtenBy("dev.dockyard.layout.OutputDrift");

    Exception translated = ErrorTranslator.translate(full, cache, disk);

    assertThat(translated).isInstanceOf(MojoExecutionException.class).hasCause(full);
    assertThat(translated.getMessage())
        .startsWith(
            "No space left on device writing the record of this module's resources in " + cache);
  }

  @Test
  void aWriteThroughTheSharedFileWritersIsNamedByItsCaller() {
    IOException full = new IOException(DiskFull.NO_SPACE);
    full.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("sun.nio.ch.FileDispatcherImpl", "write0", null, -2),
          new StackTraceElement("dev.dockyard.files.WholeFile", "replace", "WholeFile.java", 45),
          new StackTraceElement("dev.dockyard.layout.SealedLines", "write", "SealedLines.java", 32),
          new StackTraceElement(
              "dev.dockyard.layout.JarMembership", "keep", "JarMembership.java", 144)
        });

    assertThat(disk.explain(full).orElseThrow())
        .startsWith("No space left on device writing the reactor's jar membership in " + cache);
  }

  private static IOException writtenBy(String className) {
    IOException full = new IOException(DiskFull.NO_SPACE);
    full.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("sun.nio.ch.FileDispatcherImpl", "write0", null, -2),
          new StackTraceElement(className, "write", "Writer.java", 42)
        });
    return full;
  }

  private static String anyFreeSpace(String message) {
    return message.replaceAll("\\(\\d+ MB free there now\\)", "(N MB free there now)");
  }
}
