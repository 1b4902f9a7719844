package dev.dockyard.context;

import dev.dockyard.files.FileModes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directories a COPY step passes through or creates, as Docker leaves them: one the image
 * already has keeps its mode and owner, one the step creates is 0755 and owned by its {@code
 * --chown} owner (root without), and the destination of an empty source directory is created too.
 * The layer builder writes every parent it is not given as root 0755; these entries come first in
 * path order, so they are the ones it keeps.
 */
final class DirectoryEntries {

  private static final int DEFAULT_MODE = 0755;

  private DirectoryEntries() {}

  /**
   * The step's planned files with the directory entries they need, sorted by path.
   *
   * @param destination the destination directory of a directory or archive source, which exists
   *     after the step even when nothing lands in it; null for a file copy
   * @param tree the image as the step meets it
   * @param chown the step's {@code uid:gid}, null without {@code --chown}
   * @param directorySource a directory on disk to stand for the entries (only its kind is read)
   */
  static List<PlannedFile> around(
      List<PlannedFile> planned,
      String destination,
      ImageTree tree,
      String chown,
      Path directorySource) {
    Set<String> present = new HashSet<>();
    planned.forEach(file -> present.add(file.containerPath()));
    Set<String> needed = new TreeSet<>();
    for (PlannedFile file : planned) {
      for (String parent = parent(file.containerPath());
          !parent.equals("/");
          parent = parent(parent)) {
        needed.add(parent);
      }
    }
    boolean emptyDestination = false;
    if (destination != null && !destination.equals("/") && !present.contains(destination)) {
      emptyDestination = needed.add(destination);
    }
    List<PlannedFile> result = new ArrayList<>(planned);
    for (String directory : needed) {
      if (present.contains(directory)) {
        continue;
      }
      Optional<ImageTree.Node> existing = tree.find(directory);
      if (existing.isPresent()) {
        ImageTree.Node node = existing.get();
        boolean plain = node.mode() == DEFAULT_MODE && node.uid() == 0 && node.gid() == 0;
        if (node.kind() == ImageTree.Kind.DIRECTORY && !plain) {
          String owner = node.uid() == 0 && node.gid() == 0 ? null : node.uid() + ":" + node.gid();
          result.add(entry(directorySource, directory, node.mode(), owner));
        }
      } else if (chown != null || (emptyDestination && directory.equals(destination))) {
        result.add(entry(directorySource, directory, DEFAULT_MODE, chown));
      }
    }
    result.sort(Comparator.comparing(PlannedFile::containerPath));
    return List.copyOf(result);
  }

  private static PlannedFile entry(Path source, String path, int mode, String owner) {
    return new PlannedFile(
        source,
        path,
        true,
        FileModes.permissions(mode),
        owner,
        null,
        mode & FileModes.SPECIAL_BITS);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
