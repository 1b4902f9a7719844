package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.dockerfile.BaseImageConfig;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileResolver;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The image a build starts from: FROM as pulled (through {@code <mirrors>}), its configuration read
 * only when the Dockerfile needs it, and its digest read once per reactor so that every image of a
 * release builds on the same base.
 */
final class BaseImages {

  private BaseImages() {}

  /**
   * The request's Dockerfile resolved: the base image's configuration is read only when the
   * Dockerfile refers to a variable or WORKDIR it does not define, again after a transient failure
   * while {@code budget} lasts.
   */
  static ImageRecipe resolve(ImageRequest request, JibCredentials credentials, RetryBudget budget)
      throws DockerfileException {
    Supplier<BaseImageConfig> baseConfig =
        new Supplier<>() {
          private BaseImageConfig cached;

          @Override
          public BaseImageConfig get() {
            if (cached == null) {
              cached = fetchBaseConfig(request, credentials, budget);
            }
            return cached;
          }
        };
    return DockerfileResolver.resolve(request.dockerfile(), request.buildArgs(), baseConfig);
  }

  /** Called only when the Dockerfile refers to a variable or WORKDIR it does not define. */
  private static BaseImageConfig fetchBaseConfig(
      ImageRequest request, JibCredentials credentials, RetryBudget budget) {
    try {
      // FROM depends only on the ARGs before it, so a resolution without base values names it.
      ImageRecipe fromOnly =
          DockerfileResolver.resolve(
              request.dockerfile(), request.buildArgs(), () -> BaseImageConfig.EMPTY);
      ImageReference base = baseImage(fromOnly, request);
      if (base.isScratch()) {
        return BaseImageConfig.EMPTY;
      }
      request.log().debug("Reading the configuration of base image " + base);
      BaseImageInspector inspector =
          new BaseImageInspector(
              credentials, request.registries().isInsecure(base.getRegistry()), request.log());
      return RegistryRetries.call(
          budget, request, "reading the base image's configuration", () -> inspector.config(base));
    } catch (Exception e) {
      throw new JibFailures.BaseImageUnreadable(e);
    }
  }

  /** The recipe's FROM as pulled: scratch, or the image through its mirror. */
  static ImageReference baseImage(ImageRecipe recipe, ImageRequest request)
      throws DockerfileException {
    String from = recipe.baseImage();
    if (from.equals("scratch")) {
      return ImageReference.scratch();
    }
    try {
      ImageReference named = ImageReference.parse(from);
      ImageReference pulled = mirrored(named, request.registries());
      if (pulled != named) {
        request.log().info("Base image " + from + " comes from mirror " + pulled);
      }
      return pulled;
    } catch (InvalidImageReferenceException e) {
      throw new DockerfileException(
          "Invalid base image reference",
          from,
          recipe.fromLocation(),
          "write FROM as [registry/]repository[:tag|@digest], for example"
              + " 127.0.0.1:5000/base/java17:latest",
          e);
    }
  }

  /**
   * The base image's digest, read once per reactor: every module of a release builds on the base
   * image as the first module found it.
   */
  static String baseDigest(
      ImageReference base, BaseImageInspector registry, JibCredentials credentials)
      throws IOException, RegistryException, CredentialRetrievalException {
    String key = "digest of " + base;
    Optional<String> known = credentials.connections().find(key);
    if (known.isPresent()) {
      return known.get();
    }
    String digest = registry.digest(base);
    credentials.connections().keep(key, digest);
    return digest;
  }

  /** The base image reference as pulled: through its mirror when {@code <mirrors>} names one. */
  static ImageReference mirrored(ImageReference reference, RegistryPolicy registries)
      throws InvalidImageReferenceException {
    String mirror = registries.mirrored(reference.getRegistry(), reference.getRepository());
    return mirror == null ? reference : ImageReference.parse(mirror + qualifierSuffix(reference));
  }

  /** As {@link JibEngine#readBaseDigestAhead}. */
  static void readBaseDigestAhead(
      String from, RegistryPolicy registries, BuildLog log, RegistryConnections connections) {
    try {
      ImageReference base = mirrored(ImageReference.parse(from), registries);
      if (base.isScratch() || base.getDigest().isPresent()) {
        return;
      }
      ScopedTrust.trusting(
          registries.caCertificates(),
          log,
          trust -> {
            JibCredentials credentials = new JibCredentials(registries, log, connections);
            try {
              baseDigest(
                  base,
                  new BaseImageInspector(
                      credentials, registries.isInsecure(base.getRegistry()), log),
                  credentials);
            } catch (IOException | RegistryException | CredentialRetrievalException e) {
              log.debug("Base image digest not read ahead: " + e);
            }
            return null;
          });
    } catch (InvalidImageReferenceException | EngineException | RuntimeException e) {
      log.debug("Base image digest not read ahead: " + e);
    }
  }

  private static String qualifierSuffix(ImageReference reference) {
    return reference.getDigest().isPresent()
        ? "@" + reference.getDigest().get()
        : ":" + reference.getTag().orElse("latest");
  }
}
