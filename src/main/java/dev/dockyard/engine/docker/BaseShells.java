package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
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

  BaseShells(DockerClient client, ImageRequest request) {
    this.client = client;
    this.request = request;
  }

  /** The base image's shell, or null when it names none or cannot be read. */
  List<String> of(String reference) {
    if (reference.contains("$") || reference.equalsIgnoreCase("scratch")) {
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
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    String repository = reference;
    String tag = "latest";
    if (at >= 0) {
      repository = reference.substring(0, at);
      tag = reference.substring(at + 1);
    } else if (colon > reference.lastIndexOf('/')) {
      repository = reference.substring(0, colon);
      tag = reference.substring(colon + 1);
    }
    PullImageCmd pull = client.pullImageCmd(repository).withTag(tag);
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
