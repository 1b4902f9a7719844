package dev.dockyard.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** The decompressor below never sees the buffer the tar reader shares between threads. */
class PrivateBufferStreamTest {

  @Test
  void theStreamBelowReadsIntoABufferOfItsOwn() throws Exception {
    byte[] caller = new byte[64];
    List<byte[]> given = new ArrayList<>();
    InputStream below =
        new ByteArrayInputStream("sixteen bytes!!!".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            given.add(b);
            return super.read(b, off, len);
          }
        };

    int read = new PrivateBufferStream(below).read(caller, 3, 20);

    assertThat(read).isEqualTo(16);
    assertThat(new String(caller, 3, 16, StandardCharsets.UTF_8)).isEqualTo("sixteen bytes!!!");
    assertThat(given).isNotEmpty().allSatisfy(b -> assertThat(b).isNotSameAs(caller));
  }

  @Test
  void skipsWhatItIsAskedToSkip() throws Exception {
    InputStream in = new PrivateBufferStream(new ByteArrayInputStream(new byte[100_000]));

    assertThat(in.skip(70_000)).isEqualTo(70_000);
    assertThat(in.skip(70_000)).isEqualTo(30_000);
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void gzippedTarsSkippedOnManyThreadsAtOnceReadWhole() throws Exception {
    byte[] archive = gzippedTar(40, 200_000);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        counts.add(pool.submit(() -> entries(archive)));
      }
      for (Future<Integer> count : counts) {
        assertThat(count.get()).isEqualTo(40);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int entries(byte[] archive) throws Exception {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new PrivateBufferStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(archive))))) {
      int n = 0;
      while (tar.getNextEntry() != null) {
        n++; // the content is skipped, through the shared buffer
      }
      return n;
    }
  }

  private static byte[] gzippedTar(int files, int size) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.util.Random random = new java.util.Random(7);
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (int i = 0; i < files; i++) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        TarArchiveEntry entry = new TarArchiveEntry("f" + i);
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
