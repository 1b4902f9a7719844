package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.dockyard.registry.ImageName;

/**
 * jib's reference for an image name dockyard validated already: built from its parts, not parsed.
 */
final class JibNames {

  private JibNames() {}

  /**
   * @param qualifier a tag or a digest, null for jib's default ({@code latest})
   */
  static ImageReference reference(ImageName name, String qualifier) {
    String path = name.namespace().map(namespace -> namespace + "/").orElse("") + name.repository();
    return ImageReference.of(name.registry().orElse(null), path, qualifier);
  }
}
