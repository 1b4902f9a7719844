package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImageUsersTest {

  @TempDir Path dir;

  @Test
  void theTopmostLayerThatHoldsOrDeletesAFileDecidesIt() throws IOException {
    Path top = layer("top.tar.gz", Map.of("./etc/passwd", "app:x:1:1::/:/bin/sh\n"), true);
    Path middle = layer("middle.tar", Map.of("etc/.wh.group", ""), false);
    Path bottom =
        layer("bottom.tar", Map.of("etc/passwd", "old:x:9:9\n", "etc/group", "g:x:5:\n"), false);

    Map<String, Optional<String>> found = new LinkedHashMap<>();
    BaseImageUsers.scan(top, found);
    BaseImageUsers.scan(middle, found);
    BaseImageUsers.scan(bottom, found);

    assertThat(found)
        .containsEntry("etc/passwd", Optional.of("app:x:1:1::/:/bin/sh\n"))
        .containsEntry("etc/group", Optional.empty());
  }

  @Test
  void anOpaqueEtcHidesTheLowerLayersFiles() throws IOException {
    Path top = layer("top.tar", Map.of("etc/.wh..wh..opq", "", "etc/group", "g:x:5:\n"), false);
    Path bottom = layer("bottom.tar", Map.of("etc/passwd", "old:x:9:9\n"), false);

    Map<String, Optional<String>> found = new LinkedHashMap<>();
    BaseImageUsers.scan(top, found);
    BaseImageUsers.scan(bottom, found);

    assertThat(found)
        .containsEntry("etc/passwd", Optional.empty())
        .containsEntry("etc/group", Optional.of("g:x:5:\n"));
  }

  private Path layer(String name, Map<String, String> files, boolean gzip) throws IOException {
    Path path = dir.resolve(name);
    try (OutputStream raw = Files.newOutputStream(path);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return path;
  }
}
