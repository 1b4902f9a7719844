package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One file tree being copied from: the build context, or an unpacked archive. */
record CopyTree(BuildContext ctx, Path realRoot, String name) {

  String relative(Path real) {
    String relative =
        realRoot.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
    return relative.isEmpty() ? "." : relative;
  }

  boolean contains(Path real) {
    return real.startsWith(realRoot);
  }

  /**
   * The real path of {@code path}, which must exist and lie inside this tree ({@code shown} names
   * it in the error, with {@code badValue} as the bad value).
   */
  Path real(Path path, String shown, String badValue, CopyStep step)
      throws DockerfileException, IOException {
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new DockerfileException(
          step.keyword() + " failed: symlink target does not exist",
          badValue,
          step.location(),
          "remove the link '" + shown + "' or create the file it points at");
    }
    if (!contains(real)) {
      throw new DockerfileException(
          step.keyword() + " failed: symlink points outside " + name(),
          badValue,
          step.location(),
          "replace the link '"
              + shown
              + "' with the file itself, or make it point inside "
              + name());
    }
    return real;
  }
}
