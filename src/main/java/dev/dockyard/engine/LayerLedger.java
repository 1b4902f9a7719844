package dev.dockyard.engine;

import dev.dockyard.files.WholeFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The layers pushed to each registry, by this reactor and, when the ledger is kept in a file, by
 * earlier builds on this machine: a layer the registry already holds in another repository is
 * mounted from there instead of uploaded again. Keyed by a signature of the layer's files, so it is
 * known before the layer is built. The file is a cache: an entry whose blob is gone costs one
 * failed mount, after which the layer is uploaded as usual.
 */
public final class LayerLedger {

  /** At most this many layers are remembered in the file, the most recent kept. */
  static final int MAX_REMEMBERED = 20_000;

  /** How long a save waits for another ledger of this JVM to finish its own. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  /**
   * A layer in a registry.
   *
   * @param digest the blob digest
   * @param size the compressed size in bytes
   * @param repository the repository it was pushed to
   */
  public record Pushed(String digest, long size, String repository) {}

  private final Map<String, Pushed> bySignature = new LinkedHashMap<>();
  private final Map<String, Boolean> digests = new LinkedHashMap<>();

  /** What this build pushed, by key: only these overwrite what other builds wrote since. */
  private final Map<String, Pushed> recorded = new LinkedHashMap<>();

  private final Path file;
  private int dropped;

  /** A ledger for one run only. */
  public LayerLedger() {
    this(null);
  }

  private LayerLedger(Path file) {
    this.file = file;
  }

  /**
   * A ledger kept in this file across builds, with what it already holds. Every line carries a
   * checksum of its fields: a line cut short (a build killed while another wrote the file, a full
   * disk) or changed is dropped, never trusted, and counted in {@link #dropped()}; the next save
   * writes the file afresh. An unreadable file is treated as empty (it is only a cache).
   */
  public static LayerLedger keptIn(Path file) {
    LayerLedger ledger = new LayerLedger(file);
    try {
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!ledger.read(line)) {
            ledger.dropped++;
          }
        }
      }
    } catch (IOException e) {
      // A cache: start afresh.
    }
    return ledger;
  }

  /** Takes one line of the file if its checksum holds and it has every field. */
  private boolean read(String line) {
    int last = line.lastIndexOf('\t');
    if (last < 0 || !line.substring(last + 1).equals(checksum(line.substring(0, last)))) {
      return false;
    }
    String[] fields = line.substring(0, last).split("\t", -1);
    if (fields.length != 5) {
      return false;
    }
    try {
      put(fields[0], fields[1], new Pushed(fields[2], Long.parseLong(fields[3]), fields[4]));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The lines of the file that were cut short or damaged, and so dropped, when it was read. */
  public int dropped() {
    return dropped;
  }

  static String checksum(String fields) {
    CRC32 crc = new CRC32();
    crc.update(fields.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  /** The layer with this signature pushed to this registry, if any. */
  public synchronized Optional<Pushed> find(String registry, String signature) {
    return Optional.ofNullable(bySignature.get(registry + "\t" + signature));
  }

  /** Records a pushed layer, and keeps the ledger's file up to date. */
  public synchronized void record(String registry, String signature, Pushed layer) {
    put(registry, signature, layer);
    String key = registry + "\t" + signature;
    recorded.remove(key);
    recorded.put(key, layer);
  }

  /** True when this blob was pushed to this registry by this reactor or, kept in a file, before. */
  public synchronized boolean contains(String registry, String digest) {
    return digests.containsKey(registry + "\t" + digest);
  }

  /**
   * Writes the ledger to its file, if it has one; a failure only loses the cache. Builds running at
   * the same time share the file: under a lock, what another build wrote since is read back and
   * kept, and the layers this build pushed go after it as the newest. What this build only read at
   * its start is not written back: it would undo a newer push another build recorded meanwhile.
   */
  public synchronized void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path lock = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lock(channel)) {
        LayerLedger onDisk = keptIn(file);
        Map<String, Pushed> merged = new LinkedHashMap<>(onDisk.bySignature);
        for (Map.Entry<String, Pushed> entry : recorded.entrySet()) {
          merged.remove(entry.getKey());
          merged.put(entry.getKey(), entry.getValue());
        }
        write(merged);
      }
    } catch (IOException e) {
      // Only the cache is lost: the next build uploads what it cannot mount.
    }
  }

  /**
   * Takes the file lock that other processes wait on. Within one JVM (two builds in one Maven
   * daemon, tests) a lock another ledger holds is refused at once rather than waited on: wait here.
   */
  private static FileLock lock(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("the ledger's lock stayed held in this JVM for " + LOCK_WAIT, e);
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted waiting for the ledger's lock", interrupted);
        }
      }
    }
  }

  private void write(Map<String, Pushed> entries) throws IOException {
    List<String> lines = new ArrayList<>();
    int skip = Math.max(0, entries.size() - MAX_REMEMBERED);
    for (Map.Entry<String, Pushed> entry : entries.entrySet()) {
      if (skip-- > 0) {
        continue;
      }
      Pushed layer = entry.getValue();
      String fields =
          entry.getKey() + "\t" + layer.digest() + "\t" + layer.size() + "\t" + layer.repository();
      lines.add(fields + "\t" + checksum(fields));
    }
    WholeFile.replace(file, lines);
  }

  private void put(String registry, String signature, Pushed layer) {
    String key = registry + "\t" + signature;
    // The latest push is the likeliest to still be there; re-inserting keeps it among the newest.
    bySignature.remove(key);
    bySignature.put(key, layer);
    digests.put(registry + "\t" + layer.digest(), Boolean.TRUE);
  }
}
