package dev.dockyard.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reads into a buffer of its own before handing the bytes over. commons-compress
 * skips a tar entry's content by reading it into one buffer shared by every thread (commons-io's
 * {@code IOUtils.skip}); a gzip stream below computes its CRC over the buffer it was given, so two
 * modules skipping at once under {@code -T} corrupt each other's CRC ("Gzip-compressed data is
 * corrupt"). Between the tar and the decompressor, this stream keeps the decompressor's buffer
 * private.
 */
public final class PrivateBufferStream extends FilterInputStream {

  private final byte[] own = new byte[16 * 1024];

  public PrivateBufferStream(InputStream in) {
    super(in);
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int read = in.read(own, 0, Math.min(len, own.length));
    if (read > 0) {
      System.arraycopy(own, 0, b, off, read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int read = in.read(own, 0, (int) Math.min(n - skipped, own.length));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }
}
