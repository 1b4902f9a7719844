package dev.dockyard.layout;

import dev.dockyard.files.FileModes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Places the files of a laid-out application with modes that do not depend on who built it: a file
 * is {@code rw-r--r--}, or {@code rwxr-xr-x} when its owner may run it, and a folder is {@code
 * rwxr-xr-x}, whatever the umask of the checkout, of Maven or of the local repository. A COPY keeps
 * the modes of what it copies, so without this, two checkouts under umask 022 and 077 would give
 * two digests (and a non-root {@code USER} could not read its own classes).
 *
 * <p>A file whose mode is already normal is hard-linked where the file system allows it; any other
 * is copied and given the normal mode, leaving the original as it was.
 */
public final class StagedFiles {

  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
  static final Set<PosixFilePermission> FOLDER = EXECUTABLE;

  private StagedFiles() {}

  /** The normal mode of a file with these permissions. */
  static Set<PosixFilePermission> normalMode(Set<PosixFilePermission> permissions) {
    return permissions.contains(PosixFilePermission.OWNER_EXECUTE) ? EXECUTABLE : FILE;
  }

  /** Places {@code source} at {@code target} (which must not exist) with its normal mode. */
  static void place(Path source, Path target) throws IOException {
    PosixFileAttributeView posix =
        Files.getFileAttributeView(source, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    place(source, posix == null ? null : posix.readAttributes(), target);
  }

  /**
   * Places {@code source} at {@code target} (which must not exist) with its normal mode, as the
   * source's attributes read just before tell it.
   */
  static void place(Path source, BasicFileAttributes attributes, Path target) throws IOException {
    Set<PosixFilePermission> mode =
        attributes instanceof PosixFileAttributes posix ? posix.permissions() : null;
    Set<PosixFilePermission> normal = mode == null ? null : normalMode(mode);
    if (mode == null || mode.equals(normal)) {
      try {
        Files.createLink(target, source);
        return;
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (IOException | UnsupportedOperationException e) {
        // Another file system, or one without hard links: a copy will do.
      }
    }
    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    if (normal != null) {
      Files.setPosixFilePermissions(target, normal);
    }
  }

  /**
   * Gives every folder below and at {@code root} the normal folder mode, without the setgid bit a
   * folder inherits from a setgid parent.
   */
  public static void normalizeFolders(Path root) throws IOException {
    if (Files.getFileAttributeView(root, PosixFileAttributeView.class) == null) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // A folder made inside a setgid folder inherits the bit, which the image would keep.
            if (!Files.getPosixFilePermissions(dir).equals(FOLDER) || FileModes.special(dir) != 0) {
              Files.setPosixFilePermissions(dir, FOLDER);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
