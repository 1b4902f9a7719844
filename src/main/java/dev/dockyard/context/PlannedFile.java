package dev.dockyard.context;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One file or directory a COPY or ADD puts into the image, with the mode and owner it gets there.
 *
 * @param source the regular file or directory on disk that provides the content (for a symlink, its
 *     resolved target; for an unpacked archive, the extracted file)
 * @param containerPath the absolute, normalised unix path inside the image
 * @param directory whether this entry is a directory
 * @param permissions the effective mode: {@code --chmod} when given, else the source's own
 * @param ownership {@code "uid:gid"}, or null for Docker's default {@code 0:0}
 */
public record PlannedFile(
    Path source,
    String containerPath,
    boolean directory,
    Set<PosixFilePermission> permissions,
    String ownership) {

  public PlannedFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(containerPath, "containerPath");
    Objects.requireNonNull(permissions, "permissions");
    permissions =
        Collections.unmodifiableSet(
            permissions.isEmpty()
                ? EnumSet.noneOf(PosixFilePermission.class)
                : EnumSet.copyOf(permissions));
  }
}
