package dev.dockyard.engine;

import dev.dockyard.registry.RegistryPolicy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Base images for an engine that resolves FROM itself, fetched the way dockyard reaches registries:
 * through {@code <mirrors>}, trusting {@code <caCertificates>}, over plain HTTP where the registry
 * is insecure, with the credential chain. They reach the engine as a {@code docker load} archive of
 * the very manifest, config and layers the registry holds, so the engine needs none of those
 * settings and the Dockerfile keeps its own FROM line.
 */
public interface BaseImageSource {

  /**
   * Why the engine cannot be left to pull this image alone: the setting of dockyard's that decides
   * how it is reached (a mirror, CA certificates, an insecure registry); empty when there is none.
   */
  Optional<String> reasonToFetch(String reference, RegistryPolicy registries);

  /**
   * Writes the image to a {@code docker load} archive, tagged with {@code reference}.
   *
   * @return where the image was read from (the mirror's reference, or the reference itself)
   */
  String save(String reference, RegistryPolicy registries, Path archive, BuildLog log)
      throws EngineException;
}
