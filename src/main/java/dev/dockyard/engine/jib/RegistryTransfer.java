package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * One image's way into the registry: the layers it already holds mounted instead of uploaded, the
 * push itself, and what the pushed image turned out to share, remembered for the modules after it.
 */
final class RegistryTransfer {

  private final ImageRequest request;
  private final JibCredentials credentials;
  private final ImageReference base;
  private final ImageReference target;
  private final List<String> signatures;
  private final BaseImageInspector registry;
  private final BaseImageInspector baseRegistry;
  private final LayerMounts mounts;
  private final RetryBudget budget;
  private List<BlobDescriptor> foreignBaseLayers = List.of();
  private List<BlobDescriptor> baseBlobs;

  /** What the registry holds of a pushed image: its digest and id, its size and shared bytes. */
  record Pushed(StagedPush.Pushed container, long size, long shared) {}

  /**
   * @param signatures the signatures of the image's own layers, in order
   * @param budget the image's retry budget, on which each registry call here is tried again after a
   *     transient failure
   */
  RegistryTransfer(
      ImageRequest request,
      JibCredentials credentials,
      ImageReference base,
      ImageReference target,
      List<String> signatures,
      RetryBudget budget) {
    this.request = request;
    this.budget = budget;
    this.credentials = credentials;
    this.base = base;
    this.target = target;
    this.signatures = signatures;
    this.registry =
        new BaseImageInspector(
            credentials, request.registries().isInsecure(target.getRegistry()), request.log());
    this.baseRegistry =
        base.isScratch()
            ? null
            : new BaseImageInspector(
                credentials, request.registries().isInsecure(base.getRegistry()), request.log());
    this.mounts = new LayerMounts(request.layers(), request.log());
  }

  /**
   * The base image's digest as the reactor first read it, null on scratch: every image of a release
   * builds on the same base, and jib takes a base it has cached by digest from its cache.
   */
  String baseDigest() throws IOException, RegistryException, CredentialRetrievalException {
    return base.isScratch()
        ? null
        : RegistryRetries.call(
            budget,
            request,
            "reading the base image's digest",
            () -> BaseImages.baseDigest(base, baseRegistry, credentials));
  }

  /** The image an earlier build pushed from the same inputs, when the registry still holds it. */
  Optional<ImageResult> known(String fingerprint)
      throws IOException, RegistryException, CredentialRetrievalException {
    return RegistryRetries.call(
        budget,
        request,
        "checking for the image an earlier build pushed",
        () -> KnownImages.reuse(request, target, fingerprint, registry.pushClient(target)));
  }

  /**
   * Mounts what the registry can have without an upload, then pushes: by digest only when {@code
   * staged}, else with the first tag.
   */
  StagedPush.Pushed push(
      JibContainerBuilder builder, ContainerizerFactory containerizers, boolean staged)
      throws IOException,
          RegistryException,
          CredentialRetrievalException,
          CacheDirectoryCreationException,
          ExecutionException,
          InterruptedException {
    RegistryClient pushClient = mountAhead();
    return staged
        ? StagedPush.push(
            builder,
            containerizers,
            target,
            request,
            budget,
            pushClient != null ? pushClient : pushClient(),
            this::baseLayers)
        : StagedPush.Pushed.of(
            RegistryRetries.containerize(builder, containerizers.to(target), request, budget));
  }

  /**
   * Mounts the layers the registry holds elsewhere into the target repository: the base image's
   * from its repository of the same registry or from where an earlier push brought them, and the
   * layers other modules pushed. Returns the client that mounted, null when nothing could be.
   */
  private RegistryClient mountAhead()
      throws IOException, RegistryException, CredentialRetrievalException {
    boolean mountBase = sameRegistry(base, target);
    boolean otherRegistry =
        !base.isScratch() && !mountBase && !base.getRegistry().equals(target.getRegistry());
    if (otherRegistry) {
      foreignBaseLayers = baseLayers();
    }
    boolean mountKnown = mounts.anyKnown(target, signatures);
    RegistryClient pushClient = mountBase || mountKnown || otherRegistry ? pushClient() : null;
    if (mountBase) {
      mountBaseLayers(pushClient);
    }
    if (otherRegistry) {
      logMounted(
          KnownImages.mountBaseLayers(request, target, foreignBaseLayers, pushClient),
          "of base image layers an earlier push brought to this registry");
    }
    if (mountKnown) {
      logMounted(
          mounts.mountKnown(pushClient, target, signatures),
          "of layers the registry already holds, instead of uploading them");
    }
    return pushClient;
  }

  /**
   * The layers of the base image by the digest the reactor read, none on scratch; its manifest is
   * read once per image, for the mounts and for the manifest put together after the push.
   */
  private List<BlobDescriptor> baseLayers()
      throws IOException, RegistryException, CredentialRetrievalException {
    if (base.isScratch()) {
      return List.of();
    }
    if (baseBlobs == null) {
      ImageReference byDigest = base.withQualifier(baseDigest());
      baseBlobs =
          RegistryRetries.call(
              budget,
              request,
              "reading the base image's manifest",
              () -> baseRegistry.blobs(byDigest));
    }
    return baseBlobs.subList(1, baseBlobs.size());
  }

  /** A client allowed to push to the target repository, logged in. */
  private RegistryClient pushClient()
      throws IOException, RegistryException, CredentialRetrievalException {
    return RegistryRetries.call(
        budget, request, "logging in to the target registry", () -> registry.pushClient(target));
  }

  /** True when the base image is another repository of the target's registry. */
  static boolean sameRegistry(ImageReference base, ImageReference target) {
    return !base.isScratch()
        && base.getRegistry().equals(target.getRegistry())
        && !base.getRepository().equals(target.getRepository());
  }

  /**
   * Mounts the base image's layers into a new repository of the same registry before jib looks for
   * them there: jib would otherwise download every base layer into its cache first, only to mount
   * it afterwards. A layer that cannot be mounted is left to jib.
   */
  private void mountBaseLayers(RegistryClient pushClient) {
    try {
      long mounted =
          LayerMounts.mountFrom(pushClient, base.getRepository(), baseLayers(), request.log());
      request
          .log()
          .debug("Mounted " + JibProgressLog.megabytes(mounted) + " of base layers from " + base);
    } catch (IOException | RegistryException | CredentialRetrievalException e) {
      request.log().debug("Base layers not mounted ahead of jib: " + e);
    }
  }

  private void logMounted(long bytes, String what) {
    if (bytes > 0) {
      request.log().info("Mounted " + JibProgressLog.megabytes(bytes) + " " + what);
    }
  }

  /**
   * The pushed image with its ENV variables in Docker's order ({@link EnvOrder}), under the tags
   * jib moved when the push was not {@code staged}.
   */
  StagedPush.Pushed inDockerOrder(EnvOrder order, StagedPush.Pushed pushed, boolean staged)
      throws IOException, RegistryException, CredentialRetrievalException {
    RegistryClient client = pushClient();
    return RegistryRetries.call(
        budget,
        request,
        "checking the order of the image's ENV",
        () -> order.inRegistry(client, pushed, staged ? List.of() : request.tags()));
  }

  /**
   * Reads the pushed image's blobs back: its size, the bytes it shares with the base image and with
   * other modules, and the ledger entries that let later modules mount its layers.
   */
  Pushed readBack(StagedPush.Pushed container)
      throws IOException, RegistryException, CredentialRetrievalException {
    ImageReference pushed = target.withQualifier(container.digest());
    List<BlobDescriptor> blobs =
        RegistryRetries.call(
            budget, request, "reading the pushed manifest back", () -> registry.blobs(pushed));
    if (container.imageId() == null) {
      // the manifest was there already: its config is the image's id
      container = new StagedPush.Pushed(container.digest(), blobs.get(0).getDigest().toString());
    }
    List<BlobDescriptor> layers = blobs.subList(1, blobs.size());
    int baseLayers = Math.max(0, layers.size() - signatures.size());
    long size = 0;
    long shared = 0;
    for (BlobDescriptor blob : blobs) {
      size += blob.getSize();
    }
    for (BlobDescriptor layer : layers.subList(0, baseLayers)) {
      shared += layer.getSize();
    }
    shared += mounts.record(target, signatures, layers, baseLayers);
    KnownImages.rememberBaseLayers(request, target, foreignBaseLayers);
    return new Pushed(container, size, shared);
  }

  /** Remembers the image by its inputs when {@code fingerprint} is set, and writes the ledger. */
  void remember(String fingerprint, ImageResult result) {
    if (fingerprint != null) {
      KnownImages.remember(request, target, fingerprint, result);
    }
    request.log().debug("Writing the ledger of pushed layers");
    request.layers().save();
  }
}
