package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.common.collect.ImmutableList;
import dev.dockyard.context.PlannedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer with links and special bits, written as docker build writes it and sent by jib as is. */
class ExactLayersTest {

  private static final Instant TIME = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path tmp;

  /** An entry of a written layer: its name, type, mode, owner, link target and content. */
  private record Read(String name, boolean link, int mode, long uid, String target, String text) {}

  @Test
  void onlyALayerWithALinkOrASpecialBitIsWrittenHere() throws IOException {
    Path file = Files.writeString(tmp.resolve("a.txt"), "a");

    assertThat(ExactLayers.needed(List.of(planned(file, "/a.txt", "rw-r--r--", 0, null))))
        .isFalse();
    assertThat(ExactLayers.needed(List.of(planned(tmp, "/tmp", "rwxrwxrwx", 01000, null))))
        .isTrue();
    assertThat(ExactLayers.needed(List.of(planned(file, "/l", "rwxrwxrwx", 0, "a.txt")))).isTrue();
  }

  @Test
  void writesLinksAsLinksSpecialBitsAndOwnersWithTheParentsAnEntryLacks() throws IOException {
    List<PlannedFile> layer = layer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ExactLayers.write(layer, entries(layer), TIME, out);

    assertThat(read(new ByteArrayInputStream(out.toByteArray())))
        .containsExactly(
            new Read("srv/", false, 040755, 0, "", null),
            new Read("srv/app/", false, 040750, 1000, "", null),
            new Read("srv/app/bin/", false, 040755, 0, "", null),
            new Read("srv/app/bin/tool", false, 0104755, 1000, "", "tool"),
            new Read("srv/app/current", true, 0120777, 1000, "../v1", null),
            new Read("tmp/", false, 041777, 0, "", null));
  }

  @Test
  void jibSendsTheLayerWrittenIntoItsCacheForTheEntriesItIsGiven() throws Exception {
    List<PlannedFile> layer = layer();
    List<FileEntry> entries = entries(layer);
    Path cache = tmp.resolve("cache/layers");

    CachedLayer cached = ExactLayers.cache(cache, layer, entries, TIME);

    assertThat(Cache.withDirectory(cache).retrieve(ImmutableList.copyOf(entries)))
        .get()
        .extracting(CachedLayer::getDigest)
        .isEqualTo(cached.getDigest());
    Path image = tmp.resolve("image.tar");
    Jib.fromScratch()
        .addFileEntriesLayer(FileEntriesLayer.builder().setEntries(entries).build())
        .containerize(
            Containerizer.to(TarImage.at(image).named("exact/layers:1"))
                .setApplicationLayersCache(cache)
                .setBaseImageLayersCache(tmp.resolve("cache/base")));
    List<Read> sent = new ArrayList<>();
    try (TarArchiveInputStream saved = new TarArchiveInputStream(Files.newInputStream(image))) {
      for (TarArchiveEntry e = saved.getNextEntry(); e != null; e = saved.getNextEntry()) {
        if (e.getName().endsWith(".tar.gz")) {
          sent.addAll(read(new GZIPInputStream(saved)));
        }
      }
    }
    assertThat(sent)
        .extracting(Read::name, Read::link, Read::mode, Read::target)
        .contains(
            tuple("srv/app/current", true, 0120777, "../v1"),
            tuple("srv/app/bin/tool", false, 0104755, ""),
            tuple("tmp/", false, 041777, ""));
  }

  /** A sticky /tmp, a directory of uid 1000, a setuid file inside, and a link. */
  private List<PlannedFile> layer() throws IOException {
    Path tool = Files.writeString(tmp.resolve("tool"), "tool");
    Path link = Files.createSymbolicLink(tmp.resolve("current"), Path.of("../v1"));
    return List.of(
        owned(planned(tmp, "/srv/app", "rwxr-x---", 0, null)),
        owned(planned(tool, "/srv/app/bin/tool", "rwxr-xr-x", 04000, null)),
        owned(planned(link, "/srv/app/current", "rwxrwxrwx", 0, "../v1")),
        planned(tmp, "/tmp", "rwxrwxrwx", 01000, null));
  }

  private static PlannedFile owned(PlannedFile file) {
    return new PlannedFile(
        file.source(),
        file.containerPath(),
        file.directory(),
        file.permissions(),
        "1000:1000",
        file.link(),
        file.special());
  }

  private static PlannedFile planned(
      Path source, String path, String permissions, int special, String link) {
    return new PlannedFile(
        source,
        path,
        link == null && Files.isDirectory(source),
        PosixFilePermissions.fromString(permissions),
        null,
        link,
        special);
  }

  /** The entries jib is given: a link stands for itself by the directory holding it. */
  private static List<FileEntry> entries(List<PlannedFile> layer) {
    List<FileEntry> entries = new ArrayList<>();
    for (PlannedFile file : layer) {
      entries.add(
          new FileEntry(
              file.isLink() ? file.source().getParent() : file.source(),
              AbsoluteUnixPath.get(file.containerPath()),
              FilePermissions.fromPosixFilePermissions(file.permissions()),
              TIME,
              file.ownership() == null ? "" : file.ownership()));
    }
    return entries;
  }

  private static List<Read> read(InputStream layer) throws IOException {
    List<Read> entries = new ArrayList<>();
    TarArchiveInputStream tar = new TarArchiveInputStream(layer);
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String text =
          e.isFile() && !e.isSymbolicLink()
              ? new String(tar.readAllBytes(), StandardCharsets.UTF_8)
              : null;
      entries.add(
          new Read(
              e.getName(),
              e.isSymbolicLink(),
              e.getMode(),
              e.getLongUserId(),
              e.getLinkName(),
              text));
    }
    return entries;
  }
}
