package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.files.FileModes;
import dev.dockyard.files.PrivateBufferStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.xz.XZUtils;

/**
 * The local archives an ADD unpacks, as Docker recognises them (tar, plain or compressed, detected
 * by content), unpacked into a scratch folder that no entry may leave.
 */
final class ArchiveSources {

  private final CopyStep step;

  ArchiveSources(CopyStep step) {
    this.step = step;
  }

  /**
   * An archive unpacked.
   *
   * @param root the folder it was unpacked into
   * @param owners the {@code uid:gid} of each unpacked file that is not root's
   * @param modes the mode of every unpacked path (setuid, setgid and sticky bits included), which
   *     keeps its own mode and owner in the image
   */
  record Unpacked(Path root, Map<Path, String> owners, Map<Path, Integer> modes) {}

  boolean isTar(Path real, String name) throws DockerfileException, IOException {
    try (InputStream in = new BufferedInputStream(decompressed(real, name))) {
      return ArchiveStreamFactory.TAR.equals(ArchiveStreamFactory.detect(in));
    } catch (ArchiveException e) {
      return false;
    }
  }

  /** The file's bytes, decompressed when Docker would decompress them (by content). */
  private InputStream decompressed(Path real, String name) throws DockerfileException, IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(real));
    String compression;
    try {
      compression = CompressorStreamFactory.detect(raw);
    } catch (CompressorException e) {
      return raw;
    }
    boolean supported =
        compression.equals(CompressorStreamFactory.GZIP)
            || compression.equals(CompressorStreamFactory.BZIP2)
            || (compression.equals(CompressorStreamFactory.XZ)
                && XZUtils.isXZCompressionAvailable());
    if (!supported) {
      boolean dockerWouldUnpack =
          compression.equals(CompressorStreamFactory.XZ)
              || compression.equals(CompressorStreamFactory.ZSTANDARD);
      if (!dockerWouldUnpack) {
        return raw;
      }
      raw.close();
      throw fail(
          "ADD failed: cannot unpack " + compression + "-compressed files",
          name,
          "recompress it with gzip (.tar.gz) or bzip2, or use COPY to copy it unchanged");
    }
    try {
      return new CompressorStreamFactory().createCompressorInputStream(compression, raw);
    } catch (CompressorException e) {
      raw.close();
      throw new IOException("Cannot decompress " + real, e);
    }
  }

  /** Unpacks a tar archive into a new folder of {@code scratchDir}; never outside it. */
  Unpacked unpack(Path real, String name, Path scratchDir) throws DockerfileException, IOException {
    Files.createDirectories(scratchDir);
    Path out = Files.createTempDirectory(scratchDir, "add-").toRealPath();
    // A setgid scratch folder would pass its bit on to the folders an archive only implies.
    if (FileModes.special(out) != 0) {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
    }
    Map<Path, Integer> modes = new LinkedHashMap<>();
    Map<Path, String> owners = new HashMap<>();
    try (InputStream in = new PrivateBufferStream(decompressed(real, name));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = entryTarget(out, entry.getName(), name);
        if (target.equals(out)) {
          continue;
        }
        // A link unpacked earlier must not carry this entry out of the folder.
        insist(out, target.getParent(), entry.getName(), name);
        Files.createDirectories(target.getParent());
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Path linked = entryTarget(out, entry.getLinkName(), name);
          insist(out, linked, entry.getName(), name);
          Files.copy(linked, target, StandardCopyOption.REPLACE_EXISTING);
        } else if (entry.isFile()) {
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
          throw fail(
              "ADD failed: archive entry is not a file, directory or link",
              entry.getName(),
              "rebuild '" + name + "' without device or pipe entries");
        }
        modes.put(target, entry.getMode());
        long uid = entry.getLongUserId();
        long gid = entry.getLongGroupId();
        if (uid != 0 || gid != 0) {
          owners.put(target, uid + ":" + gid);
        }
      }
    }
    // Deepest first, so a read-only directory is closed only after its children are written.
    List<Path> written = new ArrayList<>(modes.keySet());
    written.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path path : written) {
      if (!Files.isSymbolicLink(path)) {
        Files.setPosixFilePermissions(path, FileModes.permissions(modes.get(path)));
      }
    }
    return new Unpacked(out, owners, Map.copyOf(modes));
  }

  private Path entryTarget(Path out, String entryName, String source) throws DockerfileException {
    // Docker cleans the name and joins it to the destination: a leading '/' stays inside.
    String relative = BuildContext.clean(entryName);
    if (relative.equals("..") || relative.startsWith("../")) {
      throw escapingEntry(entryName, source);
    }
    String inside = BuildContext.clean("/" + relative).substring(1);
    return inside.isEmpty() ? out : out.resolve(inside);
  }

  /** Fails unless the deepest existing part of {@code path} really lies inside {@code out}. */
  private void insist(Path out, Path path, String entryName, String source)
      throws DockerfileException, IOException {
    Path existing = path;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing.toRealPath().startsWith(out)) {
        return;
      }
    } catch (NoSuchFileException e) {
      // a dangling link on the way: nothing inside the folder can be reached through it
    }
    throw escapingEntry(entryName, source);
  }

  private DockerfileException escapingEntry(String entryName, String source) {
    return fail(
        "ADD failed: archive entry escapes the destination",
        entryName,
        "rebuild '" + source + "' without '..' or outward links in its entry names");
  }

  private DockerfileException fail(String what, String badValue, String fix) {
    return new DockerfileException(what, badValue, step.location(), fix);
  }
}
