package dev.dockyard.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layers the images of one reactor pushed, shared by its modules: a layer that another module
 * already pushed to the same registry is mounted from that repository instead of uploaded again.
 * Keyed by a signature of the layer's files, so it is known before the layer is built.
 */
public final class LayerLedger {

  /**
   * A layer in a registry.
   *
   * @param digest the blob digest
   * @param size the compressed size in bytes
   * @param repository the repository it was pushed to
   */
  public record Pushed(String digest, long size, String repository) {}

  private final Map<String, Pushed> bySignature = new ConcurrentHashMap<>();
  private final Map<String, Boolean> digests = new ConcurrentHashMap<>();

  /** The layer with this signature another module pushed to this registry, if any. */
  public Optional<Pushed> find(String registry, String signature) {
    return Optional.ofNullable(bySignature.get(registry + "|" + signature));
  }

  /** Records a pushed layer. */
  public void record(String registry, String signature, Pushed layer) {
    bySignature.putIfAbsent(registry + "|" + signature, layer);
    digests.put(registry + "|" + layer.digest(), Boolean.TRUE);
  }

  /** True when some module of the reactor pushed this blob to this registry. */
  public boolean contains(String registry, String digest) {
    return digests.containsKey(registry + "|" + digest);
  }
}
