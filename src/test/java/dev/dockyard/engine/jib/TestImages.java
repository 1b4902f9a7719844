package dev.dockyard.engine.jib;

import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.ImageName;
import dev.dockyard.registry.InvalidImageNameException;
import dev.dockyard.registry.RegistryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Image names for requests in tests, valid by construction, and a request with nothing to build.
 */
final class TestImages {

  private TestImages() {}

  static ImageName named(String registry, String namespace, String repository) {
    try {
      return ImageName.of(registry, namespace, repository);
    } catch (InvalidImageNameException e) {
      throw new AssertionError("not a valid image name in a test: " + e.getMessage(), e);
    }
  }

  /** A request for {@code registry.corp/shop/orders:1.0} without Dockerfile or layer cache. */
  static ImageRequest ordersRequest(RegistryPolicy registries, BuildLog log) {
    return new ImageRequest(
        "orders",
        null,
        null,
        null,
        named("registry.corp", "shop", "orders"),
        List.of("1.0"),
        Map.of(),
        null,
        Instant.EPOCH,
        registries,
        null,
        log,
        null,
        Map.of(),
        null);
  }
}
