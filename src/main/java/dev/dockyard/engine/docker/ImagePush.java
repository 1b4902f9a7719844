package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import java.util.Optional;

/**
 * Pushes every tag of a built image from the engine with the credential chain's credentials, and
 * checks that all tags got one digest.
 */
final class ImagePush {

  private ImagePush() {}

  /** Pushes every tag and returns the digest the registry reported. */
  static String push(DockerClient client, ImageRequest request) throws EngineException {
    String registry = request.image().registry().orElse("docker.io");
    Optional<AuthConfig> auth =
        new RegistryAuth(request.registries(), request.log()).forRegistry(registry);
    String digest = null;
    for (String tag : request.tags()) {
      PushStream stream = new PushStream(request.module(), request.log());
      var command = client.pushImageCmd(request.image().name()).withTag(tag);
      auth.ifPresent(command::withAuthConfig);
      try {
        command.exec(stream).awaitCompletion();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException("Interrupted while pushing " + request.image(), false, e);
      } catch (DockerException e) {
        throw DockerErrors.pushFailed(request.image().name(), tag, e.getMessage(), e);
      }
      if (stream.error() != null) {
        throw DockerErrors.pushFailed(request.image().name(), tag, stream.error(), null);
      }
      if (stream.digest() == null) {
        throw new EngineException(
            "The engine reported no digest for " + request.image() + ":" + tag, false, null);
      }
      if (digest != null && !digest.equals(stream.digest())) {
        throw new EngineException(
            "Tags of one image got different digests: '"
                + stream.digest()
                + "' for "
                + tag
                + ", '"
                + digest
                + "' before; rerun the push",
            false,
            null);
      }
      digest = stream.digest();
      request.log().debug("Pushed " + request.image() + ":" + tag + " " + stream.digest());
    }
    return digest;
  }
}
