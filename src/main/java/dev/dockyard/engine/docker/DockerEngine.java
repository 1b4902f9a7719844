package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.dockyard.engine.BaseImageSource;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine for any Dockerfile: sends the rendered Dockerfile and only the files it copies to a
 * Docker engine found as the Docker CLI finds it, streams the engine's output to the log, and tags
 * the result; then saves it to the tarball or pushes every tag with the credential chain. Whatever
 * fails, the image's tags are removed from the engine, so no tag points at a half-made image.
 */
public final class DockerEngine implements ImageEngine {

  private final String why;
  private final Map<String, String> env;
  private final Path home;
  private final BaseImageSource baseImages;

  /**
   * @param why why this Dockerfile goes to a Docker engine, for messages: the instruction and its
   *     file:line, or the setting that forced the engine
   * @param env the process environment (DOCKER_HOST, DOCKER_CONTEXT, ...)
   * @param home the user's home directory ({@code ~/.docker})
   * @param baseImages fetches the base images only dockyard's registry settings reach
   */
  public DockerEngine(String why, Map<String, String> env, Path home, BaseImageSource baseImages) {
    this.why = why;
    this.env = Map.copyOf(env);
    this.home = home;
    this.baseImages = baseImages;
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public ImageResult build(ImageRequest request, Target target) throws EngineException {
    EngineLocator locator = new EngineLocator(env, home);
    EngineEndpoint endpoint;
    try {
      endpoint = locator.locate();
    } catch (EngineLocator.EngineConfigException e) {
      throw new EngineException(e.getMessage(), true, e);
    }
    try (DockerConnection connection = connect(endpoint, locator.dockerConfigDir(), request)) {
      request
          .log()
          .info(
              "Docker engine "
                  + endpoint.host()
                  + " (from "
                  + endpoint.source()
                  + "): "
                  + connection.describe()
                  + "; needed for "
                  + request.module()
                  + " by "
                  + why);
      DockerClient client = connection.client();
      try {
        InspectImageResponse built = new ImageBuild(client, request, baseImages).run();
        long size;
        String digest = "";
        if (target.isRegistry()) {
          digest = ImagePush.push(client, request);
          size = built.getSize() == null ? -1 : built.getSize();
        } else {
          size = ImageTarball.save(client, request, target.tarball());
        }
        return new ImageResult(
            request.image().name(),
            List.copyOf(request.tags()),
            digest,
            built.getId(),
            name(),
            target.isRegistry(),
            size,
            -1);
      } catch (EngineException | RuntimeException e) {
        TagCleanup.untag(client, request);
        throw e;
      }
    } catch (IOException e) {
      throw new EngineException(
          "Talking to the Docker engine failed: '"
              + e.getMessage()
              + "' while building "
              + request.image(),
          false,
          e);
    }
  }

  private DockerConnection connect(EngineEndpoint endpoint, Path dockerConfig, ImageRequest request)
      throws EngineException {
    try {
      return DockerConnection.open(endpoint, dockerConfig);
    } catch (RuntimeException e) {
      throw DockerErrors.engineDown(endpoint, e, request.module(), why);
    }
  }
}
