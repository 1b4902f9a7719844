package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dockyard.engine.ImageRequest;

/** Undoes the tags of a failed build, so that no tag in the engine points at a half-made image. */
final class TagCleanup {

  private TagCleanup() {}

  /** Removes the image's tags from the engine; a tag that does not exist is fine. */
  static void untag(DockerClient client, ImageRequest request) {
    for (String tag : request.tags()) {
      String reference = request.image() + ":" + tag;
      try {
        client.removeImageCmd(reference).withForce(false).exec();
        request.log().info("Removed tag " + reference + " from the engine after the failure");
      } catch (NotFoundException e) {
        // never tagged: nothing to undo
      } catch (RuntimeException e) {
        request.log().warn("Could not remove tag " + reference + ": " + e.getMessage());
      }
    }
  }
}
