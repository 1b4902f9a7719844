package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.LayerObject;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.cache.CachedLayer;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.security.DigestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The manifest jib announced and was stopped before pushing (see {@link StagedPush}), put together
 * again from what jib pushed: the container configuration's blob (seen in jib's progress), the base
 * image's layers (from its manifest) and the application layers (from jib's layer cache, by the
 * very entries jib was given). It is used only when its bytes give the announced digest; any other
 * outcome leaves the manifest to a second pass of jib.
 */
final class RebuiltManifest {

  /** jib's progress for the container configuration; its one child pushes the config's blob. */
  static final String CONFIG_PUSH = "pushing container configuration";

  /** jib's progress for one blob push: the digest follows, the allocation counts its bytes. */
  static final String BLOB_PUSH = "pushing blob ";

  private RebuiltManifest() {}

  /**
   * Watches jib's progress for the container configuration's blob: its digest and size, null until
   * jib pushes it.
   */
  static final class ConfigBlob implements Consumer<ProgressEvent> {
    private volatile BlobDescriptor seen;

    @Override
    public void accept(ProgressEvent event) {
      Allocation allocation = event.getAllocation();
      String description = allocation.getDescription();
      boolean configPush =
          allocation.getParent().map(a -> CONFIG_PUSH.equals(a.getDescription())).orElse(false);
      if (configPush && description.startsWith(BLOB_PUSH)) {
        try {
          seen =
              new BlobDescriptor(
                  allocation.getAllocationUnits(),
                  DescriptorDigest.fromDigest(description.substring(BLOB_PUSH.length())));
        } catch (DigestException e) {
          // not a digest after all: no config seen, the second pass pushes the manifest
        }
      }
    }

    BlobDescriptor get() {
      return seen;
    }
  }

  /**
   * The application layers jib built for {@code layers}, in order, as its cache at {@code cacheDir}
   * holds them: empty when one is not there, or is no layer of files.
   */
  static Optional<List<BlobDescriptor>> applicationLayers(
      List<? extends LayerObject> layers, Cache cache) throws IOException, CacheCorruptedException {
    List<BlobDescriptor> built = new ArrayList<>();
    for (LayerObject layer : layers) {
      if (!(layer instanceof FileEntriesLayer files)) {
        return Optional.empty();
      }
      if (files.getEntries().isEmpty()) {
        // jib leaves an empty layer out of the image
        continue;
      }
      Optional<CachedLayer> cached = cache.retrieve(ImmutableList.copyOf(files.getEntries()));
      if (cached.isEmpty()) {
        return Optional.empty();
      }
      built.add(new BlobDescriptor(cached.get().getSize(), cached.get().getDigest()));
    }
    return Optional.of(built);
  }

  /**
   * The Docker manifest of {@code config} over {@code baseLayers} and {@code applicationLayers},
   * when its bytes give {@code digest}; else empty.
   */
  static Optional<V22ManifestTemplate> of(
      BlobDescriptor config,
      List<BlobDescriptor> baseLayers,
      List<BlobDescriptor> applicationLayers,
      String digest)
      throws IOException {
    if (config == null) {
      return Optional.empty();
    }
    List<BlobDescriptor> layers = new ArrayList<>(baseLayers);
    layers.addAll(applicationLayers);
    V22ManifestTemplate manifest = manifest(config, layers);
    return Digests.computeJsonDigest(manifest).toString().equals(digest)
        ? Optional.of(manifest)
        : Optional.empty();
  }

  /** The Docker manifest jib-core writes for {@code config} over {@code layers}, in order. */
  static V22ManifestTemplate manifest(BlobDescriptor config, List<BlobDescriptor> layers) {
    V22ManifestTemplate manifest = new V22ManifestTemplate();
    manifest.setContainerConfiguration(config.getSize(), config.getDigest());
    for (BlobDescriptor layer : layers) {
      manifest.addLayer(layer.getSize(), layer.getDigest());
    }
    return manifest;
  }
}
