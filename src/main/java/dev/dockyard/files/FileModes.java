package dev.dockyard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Unix modes as numbers: a permission set's bits, and the bits a set has no place for. */
public final class FileModes {

  /** The setuid, setgid and sticky bits of a mode. */
  public static final int SPECIAL_BITS = 07000;

  private static final PosixFilePermission[] ALL = PosixFilePermission.values();

  private FileModes() {}

  /** The mode bits ({@code 0777} at most) of a permission set. */
  public static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }

  /** The permission set of a mode (setuid, setgid and sticky have no place in it). */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < ALL.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        permissions.add(ALL[i]);
      }
    }
    return permissions;
  }

  /**
   * The setuid, setgid and sticky bits of a file or directory (links followed); none on a file
   * system without unix modes.
   */
  public static int special(Path path) throws IOException {
    try {
      return ((Integer) Files.getAttribute(path, "unix:mode")) & SPECIAL_BITS;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }
}
