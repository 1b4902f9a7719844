package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesTest {

  @TempDir Path dir;

  private Path file(String name, String mode) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "content of " + name);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private static String modeOf(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aFileWrittenUnderUmask077IsStagedReadableByAll() throws IOException {
    Path source = file("app.properties", "rw-------");

    Path target = dir.resolve("staged.properties");
    StagedFiles.place(source, target);

    assertThat(modeOf(target)).isEqualTo("rw-r--r--");
    assertThat(target).hasSameTextualContentAs(source);
    assertThat(modeOf(source)).as("the original is left as it was").isEqualTo("rw-------");
    assertThat(Files.isSameFile(source, target)).isFalse();
  }

  @Test
  void aGroupWritableFileLosesTheGroupWriteBit() throws IOException {
    Path source = file("a.jar", "rw-rw-r--");

    Path target = dir.resolve("b.jar");
    StagedFiles.place(source, target);

    assertThat(modeOf(target)).isEqualTo("rw-r--r--");
  }

  @Test
  void anExecutableStaysExecutableForAll() throws IOException {
    Path source = file("run.sh", "rwx------");

    Path target = dir.resolve("staged.sh");
    StagedFiles.place(source, target);

    assertThat(modeOf(target)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aFileWhoseModeIsAlreadyNormalIsHardLinked() throws IOException {
    Path source = file("lib.jar", "rw-r--r--");

    Path target = dir.resolve("linked.jar");
    StagedFiles.place(source, target);

    assertThat(Files.isSameFile(source, target)).isTrue();
  }

  @Test
  void refusesToReplaceAFileAlreadyStaged() throws IOException {
    Path source = file("lib.jar", "rw-r--r--");
    Path target = file("taken.jar", "rw-r--r--");

    assertThatThrownBy(() -> StagedFiles.place(source, target))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void everyFolderGetsTheNormalFolderMode() throws IOException {
    Path nested = Files.createDirectories(dir.resolve("app/classes/it/example"));
    for (Path folder :
        new Path[] {
          dir.resolve("app"), dir.resolve("app/classes"), dir.resolve("app/classes/it")
        }) {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
    Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxrwxr-x"));

    StagedFiles.normalizeFolders(dir.resolve("app"));

    assertThat(modeOf(dir.resolve("app"))).isEqualTo("rwxr-xr-x");
    assertThat(modeOf(dir.resolve("app/classes/it"))).isEqualTo("rwxr-xr-x");
    assertThat(modeOf(nested)).isEqualTo("rwxr-xr-x");
  }

  @Test
  void aFolderLosesTheSetgidBitItInheritedFromASetgidCheckout() throws IOException {
    Files.setAttribute(dir, "unix:mode", 02775);
    Path nested = Files.createDirectories(dir.resolve("app/classes"));
    assertThat((Integer) Files.getAttribute(nested, "unix:mode") & 07000).isEqualTo(02000);

    StagedFiles.normalizeFolders(dir.resolve("app"));

    assertThat((Integer) Files.getAttribute(nested, "unix:mode") & 07777).isEqualTo(0755);
    assertThat((Integer) Files.getAttribute(dir.resolve("app"), "unix:mode") & 07777)
        .isEqualTo(0755);
  }
}
