package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.common.collect.ImmutableList;
import dev.dockyard.context.PlannedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The layers jib-core cannot write as {@code docker build} does: one holding a symlink (jib-core
 * writes each entry from its source file, links followed) or a mode with the setuid, setgid or
 * sticky bit (its entries carry 9 permission bits). Such a layer is written here, entry for entry
 * as jib-core writes the others (the parents an entry lacks first, as root's 0755 directories;
 * every entry at the build's file time; numeric owners without names), and put into jib's
 * application layer cache under the very entries jib is given for it: jib looks the layer up by its
 * entries before building it, finds it, and sends it as it is. Written again on every build, so the
 * cache never answers for a link that has since changed its target.
 */
final class ExactLayers {

  private static final int DIRECTORY = 040000;
  private static final int REGULAR = 0100000;
  private static final int SYMLINK = 0120000;
  private static final int PLAIN_DIRECTORY = 0755;

  private ExactLayers() {}

  /** Whether jib-core would write {@code layer} otherwise than {@code docker build} does. */
  static boolean needed(List<PlannedFile> layer) {
    return layer.stream().anyMatch(file -> file.isLink() || file.special() != 0);
  }

  /**
   * Writes {@code layer} into the application layer cache at {@code cacheDir} under {@code
   * entries}, the entries jib is given for it, one per planned file and in the same order.
   */
  static CachedLayer cache(
      Path cacheDir, List<PlannedFile> layer, List<FileEntry> entries, Instant time)
      throws IOException, CacheDirectoryCreationException {
    return Cache.withDirectory(cacheDir)
        .writeUncompressedLayer(
            Blobs.from(out -> write(layer, entries, time, out), true),
            ImmutableList.copyOf(entries));
  }

  /** Writes the layer's tar; the content of a file comes from its entry's source. */
  static void write(
      List<PlannedFile> layer, List<FileEntry> entries, Instant time, OutputStream out)
      throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    Set<String> written = new HashSet<>();
    for (int i = 0; i < layer.size(); i++) {
      PlannedFile file = layer.get(i);
      String name = file.containerPath().substring(1);
      parents(tar, name, time, written);
      if (!written.add(name)) {
        continue;
      }
      TarArchiveEntry entry;
      if (file.isLink()) {
        entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
        entry.setLinkName(file.link());
        entry.setMode(SYMLINK | 0777);
      } else if (file.directory()) {
        entry = new TarArchiveEntry(name + "/");
        entry.setMode(DIRECTORY | file.mode());
      } else {
        entry = new TarArchiveEntry(name);
        entry.setMode(REGULAR | file.mode());
        entry.setSize(Files.size(entries.get(i).getSourceFile()));
      }
      owner(entry, file.ownership());
      entry.setModTime(time.toEpochMilli());
      tar.putArchiveEntry(entry);
      if (!file.isLink() && !file.directory()) {
        Files.copy(entries.get(i).getSourceFile(), tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
  }

  private static void parents(
      TarArchiveOutputStream tar, String name, Instant time, Set<String> written)
      throws IOException {
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String parent = name.substring(0, slash);
      if (written.add(parent)) {
        TarArchiveEntry entry = new TarArchiveEntry(parent + "/");
        entry.setMode(DIRECTORY | PLAIN_DIRECTORY);
        owner(entry, null);
        entry.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
    }
  }

  private static void owner(TarArchiveEntry entry, String ownership) {
    long uid = 0;
    long gid = 0;
    if (ownership != null) {
      String[] ids = ownership.split(":");
      uid = Long.parseLong(ids[0]);
      gid = Long.parseLong(ids.length > 1 ? ids[1] : ids[0]);
    }
    entry.setUserId(uid);
    entry.setGroupId(gid);
    entry.setUserName("");
    entry.setGroupName("");
  }
}
