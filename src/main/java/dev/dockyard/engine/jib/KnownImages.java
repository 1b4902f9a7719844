package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.LayerLedger;
import dev.dockyard.value.Records;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Images and base layers this machine pushed before, kept in the ledger of pushed layers: an image
 * whose inputs did not change since its last push is not built again (its manifest is still in the
 * repository: only its tags move), and the layers of a base image from another registry are mounted
 * from the repository they were first pushed to instead of being uploaded into each repository.
 *
 * <p>An image's inputs, its fingerprint: the plugin's version and the way it assembles images
 * ({@code ASSEMBLY}), the resolved Dockerfile (base image reference, environment, labels, ports,
 * user, working directory, entrypoint, command, the COPY steps), the base image's digest now, the
 * creation time, and the signature of every layer's files (path, mode, owner, size and modification
 * time of each).
 */
final class KnownImages {

  private static final String IMAGE = "image:";
  private static final String IMAGE_ID = "image-id:";
  private static final String BLOB = "blob:";
  private static final String VERSION = pluginVersion();

  /**
   * Raised whenever the image built from the same inputs changes (2: ENV in Docker's order), so
   * that an image remembered by a build of the same plugin version is not reused.
   */
  private static final int ASSEMBLY = 2;

  private KnownImages() {}

  static String fingerprint(
      ImageRecipe recipe, String baseDigest, ImageRequest request, List<String> signatures) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    StringBuilder inputs =
        new StringBuilder("dockyard ").append(VERSION).append(' ').append(ASSEMBLY).append('\n');
    inputs.append(Records.text(recipe)).append('\n').append(baseDigest).append('\n');
    inputs.append(request.creationTime()).append('\n');
    signatures.forEach(signature -> inputs.append(signature).append('\n'));
    return HexFormat.of()
        .formatHex(digest.digest(inputs.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The image pushed earlier from the same inputs to this repository, when its manifest is still
   * there: one manifest check, nothing built, compressed or uploaded.
   */
  static Optional<ImageResult> reuse(
      ImageRequest request, ImageReference target, String fingerprint, RegistryClient client)
      throws IOException, RegistryException {
    LayerLedger ledger = request.layers();
    String key = target.getRepository() + "@" + fingerprint;
    Optional<LayerLedger.Pushed> image = ledger.find(target.getRegistry(), IMAGE + key);
    Optional<LayerLedger.Pushed> id = ledger.find(target.getRegistry(), IMAGE_ID + key);
    if (image.isEmpty()
        || id.isEmpty()
        || !image.get().repository().equals(target.getRepository())
        || client.checkManifest(image.get().digest()).isEmpty()) {
      return Optional.empty();
    }
    request
        .log()
        .info(
            "Image "
                + request.image()
                + " has the inputs of "
                + image.get().digest()
                + ", which the registry holds: nothing to build or upload");
    return Optional.of(
        new ImageResult(
            request.image().name(),
            List.copyOf(request.tags()),
            image.get().digest(),
            id.get().digest(),
            "jib",
            false,
            image.get().size(),
            image.get().size()));
  }

  /** Remembers a pushed image by its inputs. */
  static void remember(
      ImageRequest request, ImageReference target, String fingerprint, ImageResult result) {
    String repository = target.getRepository();
    request
        .layers()
        .record(
            target.getRegistry(),
            IMAGE + repository + "@" + fingerprint,
            new LayerLedger.Pushed(result.digest(), result.size(), repository));
    request
        .layers()
        .record(
            target.getRegistry(),
            IMAGE_ID + repository + "@" + fingerprint,
            new LayerLedger.Pushed(result.imageId(), result.shared(), repository));
  }

  /**
   * Mounts the layers of a base image from another registry that an earlier push brought to another
   * repository of the target's registry; returns the bytes that need no upload.
   */
  static long mountBaseLayers(
      ImageRequest request,
      ImageReference target,
      List<BlobDescriptor> baseLayers,
      RegistryClient client) {
    long mounted = 0;
    for (BlobDescriptor layer : baseLayers) {
      Optional<LayerLedger.Pushed> known =
          request.layers().find(target.getRegistry(), BLOB + layer.getDigest());
      if (known.isPresent() && !known.get().repository().equals(target.getRepository())) {
        mounted +=
            LayerMounts.mountFrom(client, known.get().repository(), List.of(layer), request.log());
      }
    }
    return mounted;
  }

  /** Remembers where the base image's layers now are in the target's registry. */
  static void rememberBaseLayers(
      ImageRequest request, ImageReference target, List<BlobDescriptor> baseLayers) {
    for (BlobDescriptor layer : baseLayers) {
      request
          .layers()
          .record(
              target.getRegistry(),
              BLOB + layer.getDigest(),
              new LayerLedger.Pushed(
                  layer.getDigest().toString(), layer.getSize(), target.getRepository()));
    }
  }

  private static String pluginVersion() {
    String resource = "/META-INF/maven/dev.dockyard/dockyard-maven-plugin/pom.properties";
    try (InputStream in = KnownImages.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
