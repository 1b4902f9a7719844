package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.cloud.tools.jib.cache.CacheCorruptedException;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes an image by digest: every blob and the manifest, and no tag. jib pushes manifests only by
 * the target's qualifier, and learns the digest only once every blob is up; so jib pushes the blobs
 * and is stopped at the manifest, keeping the digest it announces. When the repository holds that
 * manifest already (an image rebuilt from the same sources after {@code clean}), nothing more is
 * sent. Else the manifest is put together from what jib pushed ({@link RebuiltManifest}) and pushed
 * under that digest, when its bytes give the digest; otherwise a second pass of jib, which finds
 * every blob there, pushes it.
 */
final class StagedPush {

  /** jib announces the manifest digest in this event before it pushes the manifest. */
  static final String CHECKING = "Checking existence of manifest for ";

  /** jib's event just before a manifest is pushed. */
  static final String PUSHING = "Pushing manifest for ";

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String PLACEHOLDER = "sha256:" + "0".repeat(64);

  private StagedPush() {}

  /** What the push left in the repository: the manifest digest, and the config's when known. */
  record Pushed(String digest, String imageId) {
    static Pushed of(JibContainer container) {
      return new Pushed(container.getDigest().toString(), container.getImageId().toString());
    }
  }

  /**
   * @param client a client allowed to push to the reference's repository
   * @param baseLayers the base image's layers, read only when the manifest is put together
   * @return the digests, the image id null when the manifest was there already
   */
  static Pushed push(
      JibContainerBuilder builder,
      ContainerizerFactory containerizers,
      ImageReference reference,
      ImageRequest request,
      RetryBudget budget,
      RegistryClient client,
      RegistryCall<List<BlobDescriptor>> baseLayers)
      throws InterruptedException,
          RegistryException,
          IOException,
          CredentialRetrievalException,
          CacheDirectoryCreationException,
          ExecutionException {
    AtomicReference<String> digest = new AtomicReference<>();
    Rebuilding rebuilding = new Rebuilding(builder, request, budget, client, baseLayers);
    Consumer<LogEvent> watcher =
        event -> {
          String message = event.getMessage();
          String announced = digestIn(message);
          if (announced != null) {
            digest.set(announced);
          } else if (message.startsWith(PUSHING) && digest.get() != null) {
            throw new ManifestReady();
          }
        };
    try {
      Optional<JibContainer> pushed =
          RegistryRetries.containerize(
              builder,
              containerizers.to(reference.withQualifier(PLACEHOLDER), watcher, rebuilding.config),
              request,
              budget,
              () -> digest.get() != null && rebuilding.everyBlobThere(digest.get()),
              "every blob is up, the manifest is pushed on its own");
      if (pushed.isPresent()) {
        throw new IllegalStateException("jib pushed a manifest under a placeholder digest");
      }
    } catch (ExecutionException e) {
      if (!stoppedAtManifest(e) || digest.get() == null) {
        throw e;
      }
    }
    request.log().debug("Every blob of " + reference + " is pushed; manifest " + digest.get());
    if (RegistryRetries.call(
            budget, request, "checking the manifest", () -> client.checkManifest(digest.get()))
        .isPresent()) {
      request
          .log()
          .debug("The repository holds manifest " + digest.get() + " already: not pushed again");
      return new Pushed(digest.get(), null);
    }
    Optional<Pushed> rebuilt = rebuilding.push(digest.get());
    if (rebuilt.isPresent()) {
      return rebuilt.get();
    }
    return Pushed.of(
        RegistryRetries.containerize(
            builder, containerizers.again(reference.withQualifier(digest.get())), request, budget));
  }

  /**
   * The manifest jib announced, put together from what it pushed: the config it pushed (seen in its
   * progress), the base image's layers and its layer cache; put together once, when first it can
   * be.
   */
  private static final class Rebuilding {
    private final JibContainerBuilder builder;
    private final ImageRequest request;
    private final RetryBudget budget;
    private final RegistryClient client;
    private final RebuiltManifest.ConfigBlob config = new RebuiltManifest.ConfigBlob();
    private final RegistryCall<List<BlobDescriptor>> baseLayers;
    private V22ManifestTemplate manifest;

    Rebuilding(
        JibContainerBuilder builder,
        ImageRequest request,
        RetryBudget budget,
        RegistryClient client,
        RegistryCall<List<BlobDescriptor>> baseLayers) {
      this.builder = builder;
      this.request = request;
      this.budget = budget;
      this.client = client;
      this.baseLayers = baseLayers;
    }

    /**
     * After a pass of jib failed once it had announced the manifest: true when the manifest can be
     * put together with that digest and the repository has every blob it names (each looked for on
     * its own, again after a transient failure), so that only the manifest is left to push. A pass
     * that fails on any one request starts over, looking for every blob again; through a registry
     * that fails one request in five, passes fail more often than not.
     */
    boolean everyBlobThere(String digest) {
      return orLeftToJib(
          digest,
          "blobs looked for after a failed pass",
          false,
          () -> {
            Optional<V22ManifestTemplate> manifest = manifest(digest);
            if (manifest.isEmpty() || !there(manifest.get().getContainerConfiguration())) {
              return false;
            }
            for (V22ManifestTemplate.ContentDescriptorTemplate layer : manifest.get().getLayers()) {
              if (!there(layer)) {
                return false;
              }
            }
            request
                .log()
                .debug("Every blob of manifest " + digest + " is there after a failed pass of jib");
            return true;
          });
    }

    /**
     * Pushes the manifest jib was stopped before under {@code digest}, again after a transient
     * failure; empty when it cannot be put together with that digest, or its push fails otherwise
     * (a second pass of jib then pushes it).
     */
    Optional<Pushed> push(String digest) {
      return orLeftToJib(
          digest,
          "manifest pushed",
          Optional.empty(),
          () -> {
            Optional<V22ManifestTemplate> manifest = manifest(digest);
            if (manifest.isEmpty()) {
              request.log().debug("Manifest " + digest + " not put together from the pushed blobs");
              return Optional.empty();
            }
            // The words jib's own push of a manifest logs, before the one request that pushes it.
            request.log().debug(PUSHING + digest + ", put together from the pushed blobs");
            RegistryRetries.call(
                budget,
                request,
                "pushing the manifest",
                () -> client.pushManifest(manifest.get(), digest));
            return Optional.of(new Pushed(digest, config.get().getDigest().toString()));
          });
    }

    /** The manifest jib announced as {@code digest}; empty while the parts do not give it. */
    private Optional<V22ManifestTemplate> manifest(String digest)
        throws IOException,
            RegistryException,
            CredentialRetrievalException,
            CacheCorruptedException,
            CacheDirectoryCreationException {
      if (manifest == null) {
        Optional<List<BlobDescriptor>> layers =
            RebuiltManifest.applicationLayers(
                builder.toContainerBuildPlan().getLayers(),
                Cache.withDirectory(ContainerizerFactory.applicationLayersCache(request)));
        if (layers.isPresent()) {
          manifest =
              RebuiltManifest.of(config.get(), baseLayers.get(), layers.get(), digest).orElse(null);
        }
      }
      return Optional.ofNullable(manifest);
    }

    private boolean there(BuildableManifestTemplate.ContentDescriptorTemplate blob)
        throws IOException, RegistryException, CredentialRetrievalException {
      return RegistryRetries.call(
              budget, request, "looking for a blob", () -> client.checkBlob(blob.getDigest()))
          .isPresent();
    }

    /** What {@code step} gives; {@code failed} when it fails, the rest being left to jib. */
    private <T> T orLeftToJib(String digest, String what, T failed, Step<T> step) {
      try {
        return step.run();
      } catch (IOException
          | RegistryException
          | CredentialRetrievalException
          | CacheCorruptedException
          | CacheDirectoryCreationException e) {
        request.log().debug("Manifest " + digest + ": not " + what + ", left to jib: " + e);
        return failed;
      }
    }

    @FunctionalInterface
    private interface Step<T> {
      T run()
          throws IOException,
              RegistryException,
              CredentialRetrievalException,
              CacheCorruptedException,
              CacheDirectoryCreationException;
    }
  }

  /** The manifest digest jib announces in this event, or null. */
  static String digestIn(String message) {
    Matcher found = DIGEST.matcher(message);
    return message.startsWith(CHECKING) && found.find() ? found.group() : null;
  }

  private static boolean stoppedAtManifest(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ManifestReady) {
        return true;
      }
    }
    return false;
  }

  /** Stops jib between the last blob and the first manifest. */
  private static final class ManifestReady extends RuntimeException {
    ManifestReady() {
      super("every blob pushed; the manifest is pushed by digest", null, false, false);
    }
  }
}
