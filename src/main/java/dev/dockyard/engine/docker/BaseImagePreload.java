package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.BaseImageSource;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Hands the engine the base images only dockyard's registry settings reach, before the build: an
 * image the engine lacks, whose registry a mirror, CA certificates or an insecure setting of the
 * build decides, is fetched by dockyard and loaded into the engine under the name its FROM line
 * gives. The engine then builds without pulling, and the Dockerfile stays valid for {@code docker
 * build} on a machine whose engine is set up for those registries.
 */
final class BaseImagePreload {

  static final String ARCHIVE = "base-image.tar";

  private final DockerClient client;
  private final BaseImageSource source;

  BaseImagePreload(DockerClient client, BaseImageSource source) {
    this.client = client;
    this.source = source;
  }

  /** Loads each base image the engine needs dockyard to fetch; leaves the others to the engine. */
  void ensure(ImageRequest request) throws EngineException {
    for (String reference : baseImages(request.dockerfile())) {
      Optional<String> reason = source.reasonToFetch(reference, request.registries());
      if (reason.isEmpty() || present(reference)) {
        continue;
      }
      Path archive = request.workDir().resolve(ARCHIVE);
      try {
        String from = source.save(reference, request.registries(), archive, request.log());
        try (InputStream in = Files.newInputStream(archive)) {
          client.loadImageCmd(in).exec();
        }
        request
            .log()
            .info(
                "Base image "
                    + reference
                    + " loaded into the engine from "
                    + from
                    + " ("
                    + reason.get()
                    + ")");
      } catch (IOException | DockerException e) {
        throw new EngineException(
            "Loading base image " + reference + " into the Docker engine failed: " + e.getMessage(),
            false,
            e);
      } finally {
        try {
          Files.deleteIfExists(archive);
        } catch (IOException e) {
          request.log().debug("Could not delete " + archive + ": " + e.getMessage());
        }
      }
    }
  }

  private boolean present(String reference) {
    try {
      client.inspectImageCmd(reference).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * The images the FROM lines name, in order: not build stages, not {@code scratch}, and not those
   * that depend on a build argument (the engine expands those itself).
   */
  static List<String> baseImages(Dockerfile dockerfile) {
    Set<String> stages = new HashSet<>();
    Set<String> images = new LinkedHashSet<>();
    for (Instruction from : dockerfile.froms()) {
      List<String> words = new ArrayList<>();
      for (String word : from.words()) {
        if (!word.startsWith("--")) {
          words.add(word);
        }
      }
      if (words.isEmpty()) {
        continue;
      }
      String image = words.get(0);
      if (!stages.contains(image.toLowerCase(Locale.ROOT))
          && !image.equalsIgnoreCase("scratch")
          && !image.contains("$")) {
        images.add(image);
      }
      if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
        stages.add(words.get(2).toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(images);
  }
}
