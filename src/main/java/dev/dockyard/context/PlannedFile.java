package dev.dockyard.context;

import dev.dockyard.files.FileModes;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One file, directory or symlink a COPY or ADD puts into the image, with the mode and owner it gets
 * there.
 *
 * @param source the file on disk that provides the entry: for a file, the regular file with its
 *     content (a symlink named as a source is resolved to it; an unpacked archive entry is the
 *     extracted file); for a directory, a directory that stands for it; for a symlink, the link
 *     itself
 * @param containerPath the absolute, normalised unix path inside the image
 * @param directory whether this entry is a directory
 * @param permissions the permission bits: {@code --chmod} when given, else the source's own; a
 *     symlink's are all set
 * @param ownership {@code "uid:gid"}, or null for Docker's default {@code 0:0}
 * @param link the target of a symlink entry, exactly as the link holds it; null for a file or a
 *     directory
 * @param special the setuid, setgid and sticky bits of the mode ({@code 07000}), which the
 *     permission set has no place for
 */
public record PlannedFile(
    Path source,
    String containerPath,
    boolean directory,
    Set<PosixFilePermission> permissions,
    String ownership,
    String link,
    int special) {

  public PlannedFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(containerPath, "containerPath");
    Objects.requireNonNull(permissions, "permissions");
    if ((special & ~FileModes.SPECIAL_BITS) != 0) {
      throw new IllegalArgumentException("not a special bit: " + Integer.toOctalString(special));
    }
    if (link != null && directory) {
      throw new IllegalArgumentException("a symlink is no directory: " + containerPath);
    }
    permissions =
        Collections.unmodifiableSet(
            permissions.isEmpty()
                ? EnumSet.noneOf(PosixFilePermission.class)
                : EnumSet.copyOf(permissions));
  }

  /** A file or directory without special bits. */
  public PlannedFile(
      Path source,
      String containerPath,
      boolean directory,
      Set<PosixFilePermission> permissions,
      String ownership) {
    this(source, containerPath, directory, permissions, ownership, null, 0);
  }

  /** Whether this entry is a symlink. */
  public boolean isLink() {
    return link != null;
  }

  /** The mode's permission and special bits, {@code 07777} at most. */
  public int mode() {
    return special | FileModes.bits(permissions);
  }
}
