package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves a built image from the engine to a tarball, written beside it first so that a failed save
 * never leaves half a tarball under the final name.
 */
final class ImageTarball {

  private ImageTarball() {}

  /** Saves every tag of the image to {@code tarball} and returns its size in bytes. */
  static long save(DockerClient client, ImageRequest request, Path tarball) throws EngineException {
    Path temp = tarball.resolveSibling(tarball.getFileName() + ".tmp");
    try {
      Files.createDirectories(tarball.getParent());
      var command = client.saveImagesCmd();
      request.tags().forEach(tag -> command.withImage(request.image().name(), tag));
      try (InputStream in = command.exec()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temp, tarball, StandardCopyOption.REPLACE_EXISTING);
      return Files.size(tarball);
    } catch (IOException e) {
      throw new EngineException(
          "Saving the image to " + tarball + " failed: '" + e.getMessage() + "'", false, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        request.log().debug("Could not delete " + temp + ": " + e.getMessage());
      }
    }
  }
}
