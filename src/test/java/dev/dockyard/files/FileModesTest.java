package dev.dockyard.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesTest {

  @TempDir Path tmp;

  @Test
  void aModeAndItsPermissionSetTranslateBothWays() {
    assertThat(FileModes.bits(PosixFilePermissions.fromString("rwxr-x--x"))).isEqualTo(0751);
    assertThat(PosixFilePermissions.toString(FileModes.permissions(04640))).isEqualTo("rw-r-----");
  }

  @Test
  void theSpecialBitsAreReadFromTheFileSystem() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("shared"));
    Files.setAttribute(dir, "unix:mode", 03775);
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(FileModes.special(dir)).isEqualTo(03000);
    assertThat(FileModes.special(file)).isZero();
  }
}
