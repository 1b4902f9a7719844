package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.dockyard.files.PrivateBufferStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/** A base image layer read as the tar it is, whatever its compression. */
final class LayerTar {

  private LayerTar() {}

  /** What is read from one layer's tar. */
  @FunctionalInterface
  interface Reader {
    void read(TarArchiveInputStream tar) throws IOException;
  }

  /**
   * Downloads one layer into a scratch file of {@code scratchDir}, reads it, and deletes it. A
   * download whose bytes do not give the layer's digest (a body cut short or changed on the way)
   * fails as an {@link EOFException}, a transient failure the build retries.
   */
  static void pull(RegistryClient client, DescriptorDigest digest, Path scratchDir, Reader reader)
      throws IOException {
    Files.createDirectories(scratchDir);
    Path blob = Files.createTempFile(scratchDir, "layer-", ".tar");
    try {
      MessageDigest sha256 = sha256();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(blob), sha256)) {
        client.pullBlob(digest, size -> {}, done -> {}).writeTo(out);
      }
      String received = "sha256:" + HexFormat.of().formatHex(sha256.digest());
      if (!received.equals(digest.toString())) {
        throw new EOFException(
            "base image layer " + digest + " arrived cut short or changed (" + received + ")");
      }
      try {
        read(blob, reader);
      } catch (IOException e) {
        // Seen only under a faulty registry with parallel modules, on a download whose digest was
        // right: read as a transient failure, so the build tries the image again.
        EOFException unreadable =
            new EOFException(
                "base image layer " + digest + " could not be read: " + e.getMessage());
        unreadable.initCause(e);
        throw unreadable;
      }
    } finally {
      Files.deleteIfExists(blob);
    }
  }

  /** Reads a layer file: a tar, plain or compressed. */
  static void read(Path layer, Reader reader) throws IOException {
    try (InputStream in = new PrivateBufferStream(uncompressed(layer));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      reader.read(tar);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static InputStream uncompressed(Path layer) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(layer));
    try {
      String compression = CompressorStreamFactory.detect(raw);
      return new CompressorStreamFactory().createCompressorInputStream(compression, raw);
    } catch (CompressorException e) {
      return raw;
    }
  }
}
