package dev.dockyard.engine.docker;

import dev.dockyard.files.FileModes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes the build context an engine receives: the rendered Dockerfile and the selected files, in
 * sorted order, owned by root and dated {@code creationTime}, so the same sources give the same
 * archive (and the engine's layer cache recognises them).
 */
final class ContextArchive {

  private ContextArchive() {}

  /**
   * Writes the archive.
   *
   * @param root the build context's root directory
   * @param paths the context-relative, {@code /}-separated paths to include
   * @param dockerfile the rendered Dockerfile
   * @param dockerfileName the name it gets in the archive
   * @param generated files made for the engine (heredoc sources), path to content, mode 0644
   * @param time the modification time of every entry
   * @param out where the tar goes
   */
  static void write(
      Path root,
      SortedSet<String> paths,
      Path dockerfile,
      String dockerfileName,
      Map<String, String> generated,
      Instant time,
      OutputStream out)
      throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String path : paths) {
        if (path.equals(dockerfileName)) {
          continue;
        }
        Path file = root.resolve(path);
        if (Files.isSymbolicLink(file)) {
          TarArchiveEntry entry = new TarArchiveEntry(path, TarArchiveEntry.LF_SYMLINK);
          entry.setLinkName(Files.readSymbolicLink(file).toString().replace('\\', '/'));
          stamp(entry, time, 0777);
          tar.putArchiveEntry(entry);
          tar.closeArchiveEntry();
        } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          TarArchiveEntry entry = new TarArchiveEntry(path + "/");
          stamp(entry, time, mode(file, 0755));
          tar.putArchiveEntry(entry);
          tar.closeArchiveEntry();
        } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          addFile(tar, file, path, time, mode(file, 0644));
        }
      }
      for (Map.Entry<String, String> file : new TreeMap<>(generated).entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        stamp(entry, time, 0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      addFile(tar, dockerfile, dockerfileName, time, 0644);
      tar.finish();
    }
  }

  private static void addFile(
      TarArchiveOutputStream tar, Path file, String name, Instant time, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(Files.size(file));
    stamp(entry, time, mode);
    tar.putArchiveEntry(entry);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  private static void stamp(TarArchiveEntry entry, Instant time, int mode) {
    entry.setModTime(FileTime.from(time));
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("");
    entry.setGroupName("");
    entry.setMode((entry.getMode() & ~07777) | mode);
  }

  /** The file's permission bits with its setuid, setgid and sticky bits, as docker build sends. */
  private static int mode(Path file, int fallback) throws IOException {
    try {
      return FileModes.bits(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
          | FileModes.special(file);
    } catch (UnsupportedOperationException e) {
      return fallback;
    }
  }
}
