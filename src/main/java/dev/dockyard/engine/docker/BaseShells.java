package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.NameParser;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.CredentialLookupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell a base image's config names ({@code Shell}, set by a {@code SHELL} instruction of the
 * Dockerfile that built it): the shell BuildKit runs a stage's {@code RUN <<EOF} with until the
 * stage sets its own. Read from the engine, which is first asked to pull an image it lacks (as the
 * build would); an image it cannot get gives no answer, so the build reports the pull as usual.
 */
final class BaseShells {

  private final DockerClient client;
  private final ImageRequest request;
  private final List<String> images;

  BaseShells(DockerClient client, ImageRequest request) {
    this.client = client;
    this.request = request;
    this.images = BaseImagePreload.baseImages(request.dockerfile());
  }

  /**
   * The shell of a FROM line's image, or null when it names none, cannot be read, or is no image
   * the engine pulls (a stage, {@code scratch}, a name with a build argument).
   */
  List<String> of(String reference) {
    if (!images.contains(reference)) {
      return null;
    }
    InspectImageResponse image = inspect(reference);
    if (image == null) {
      pull(reference);
      image = inspect(reference);
    }
    return image == null ? null : shellIn(image.getRawValues().get("Config"));
  }

  /**
   * The {@code Shell} of an image's config, from the engine's JSON of it (docker-java models no
   * such field); null for none.
   */
  static List<String> shellIn(Object config) {
    if (!(config instanceof Map<?, ?> fields)
        || !(fields.get("Shell") instanceof List<?> words)
        || words.isEmpty()) {
      return null;
    }
    List<String> argv = new ArrayList<>();
    words.forEach(word -> argv.add(String.valueOf(word)));
    return List.copyOf(argv);
  }

  private InspectImageResponse inspect(String reference) {
    try {
      return client.inspectImageCmd(reference).exec();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void pull(String reference) {
    // a digest stays in the name; a name alone means latest (an empty tag pulls every tag)
    NameParser.ReposTag name = NameParser.parseRepositoryTag(reference);
    PullImageCmd pull = client.pullImageCmd(name.repos);
    if (!name.tag.isEmpty() || !reference.contains("@")) {
      pull.withTag(name.tag.isEmpty() ? "latest" : name.tag);
    }
    try {
      RegistryAuth.registryOf(reference)
          .flatMap(new RegistryAuth(request.registries(), request.log())::forRegistry)
          .ifPresent(pull::withAuthConfig);
      pull.exec(new PullImageResultCallback()).awaitCompletion();
    } catch (DockerException | CredentialLookupException e) {
      request.log().debug("Could not pull " + reference + " to read its shell: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
