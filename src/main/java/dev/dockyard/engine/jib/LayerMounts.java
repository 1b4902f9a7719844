package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.LayerLedger;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestException;
import java.util.List;
import java.util.Optional;

/**
 * Mounts layers that another module of the reactor, or an earlier build on this machine, already
 * pushed to the same registry into this image's repository, so jib finds them there and uploads
 * nothing (jib itself mounts only from the base image's repository).
 */
final class LayerMounts {

  private final LayerLedger ledger;
  private final BuildLog log;

  LayerMounts(LayerLedger ledger, BuildLog log) {
    this.ledger = ledger;
    this.log = log;
  }

  /** True when another repository of the registry holds one of these layers. */
  boolean anyKnown(ImageReference target, List<String> signatures) {
    return signatures.stream().anyMatch(signature -> elsewhere(target, signature).isPresent());
  }

  /** The layer with this signature in another repository of the target's registry, if any. */
  private Optional<LayerLedger.Pushed> elsewhere(ImageReference target, String signature) {
    return ledger
        .find(target.getRegistry(), signature)
        .filter(layer -> !layer.repository().equals(target.getRepository()));
  }

  /** Mounts every known layer of this image; returns how many bytes need no upload. */
  long mountKnown(RegistryClient client, ImageReference target, List<String> signatures) {
    long mounted = 0;
    for (String signature : signatures) {
      Optional<LayerLedger.Pushed> known = elsewhere(target, signature);
      if (known.isEmpty()) {
        continue;
      }
      LayerLedger.Pushed layer = known.get();
      if (mount(client, layer.digest(), layer.repository(), log)) {
        mounted += layer.size();
      }
    }
    return mounted;
  }

  /** Mounts these blobs of another repository of the client's registry; returns bytes mounted. */
  static long mountFrom(
      RegistryClient client, String repository, List<BlobDescriptor> blobs, BuildLog log) {
    long mounted = 0;
    for (BlobDescriptor blob : blobs) {
      if (mount(client, blob.getDigest().toString(), repository, log)) {
        mounted += blob.getSize();
      }
    }
    return mounted;
  }

  private static boolean mount(
      RegistryClient client, String digest, String repository, BuildLog log) {
    try {
      boolean done =
          client.pushBlob(
              DescriptorDigest.fromDigest(digest), new NoUpload(digest), repository, bytes -> {});
      if (done) {
        log.debug("Mounted " + digest + " from " + repository);
      }
      return done;
    } catch (IOException | RegistryException | DigestException e) {
      // Not mounted: jib uploads the layer as usual.
      log.debug("Could not mount " + digest + " from " + repository + ": " + e);
      return false;
    }
  }

  /**
   * Records the image's application layers (the last ones of its manifest, one per signature) for
   * the modules that push after this one; returns the bytes of layers that other modules of the
   * reactor pushed first.
   */
  long record(
      ImageReference target,
      List<String> signatures,
      List<BlobDescriptor> manifestLayers,
      int baseLayerCount) {
    List<BlobDescriptor> appLayers = manifestLayers.subList(baseLayerCount, manifestLayers.size());
    long shared = 0;
    for (BlobDescriptor layer : appLayers) {
      if (ledger.contains(target.getRegistry(), layer.getDigest().toString())) {
        shared += layer.getSize();
      }
    }
    if (appLayers.size() == signatures.size()) {
      for (int i = 0; i < signatures.size(); i++) {
        BlobDescriptor layer = appLayers.get(i);
        ledger.record(
            target.getRegistry(),
            signatures.get(i),
            new LayerLedger.Pushed(
                layer.getDigest().toString(), layer.getSize(), target.getRepository()));
      }
    }
    return shared;
  }

  /** The upload half of a mount request: never reached when the mount succeeds. */
  private record NoUpload(String digest) implements Blob {
    @Override
    public BlobDescriptor writeTo(OutputStream out) throws IOException {
      throw new IOException("layer " + digest + " was not mounted; jib will upload it");
    }

    @Override
    public boolean isRetryable() {
      return false;
    }
  }
}
