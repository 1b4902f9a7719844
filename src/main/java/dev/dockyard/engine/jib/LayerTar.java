package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Downloads one layer into a scratch file of {@code scratchDir}, reads it, and deletes it. */
  static void pull(RegistryClient client, DescriptorDigest digest, Path scratchDir, Reader reader)
      throws IOException {
    Files.createDirectories(scratchDir);
    Path blob = Files.createTempFile(scratchDir, "layer-", ".tar");
    try {
      try (OutputStream out = Files.newOutputStream(blob)) {
        client.pullBlob(digest, size -> {}, done -> {}).writeTo(out);
      }
      read(blob, reader);
    } finally {
      Files.deleteIfExists(blob);
    }
  }

  /** Reads a layer file: a tar, plain or compressed. */
  static void read(Path layer, Reader reader) throws IOException {
    try (InputStream in = uncompressed(layer);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      reader.read(tar);
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
