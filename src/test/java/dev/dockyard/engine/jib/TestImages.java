package dev.dockyard.engine.jib;

import dev.dockyard.registry.ImageName;
import dev.dockyard.registry.InvalidImageNameException;

/** Image names for requests in tests, valid by construction. */
final class TestImages {

  private TestImages() {}

  static ImageName named(String registry, String namespace, String repository) {
    try {
      return ImageName.of(registry, namespace, repository);
    } catch (InvalidImageNameException e) {
      throw new AssertionError("not a valid image name in a test: " + e.getMessage(), e);
    }
  }
}
