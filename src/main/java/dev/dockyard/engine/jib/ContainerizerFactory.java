package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.Target;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** Makes the containerizers of one build, all set up alike: caches, log, trust, insecure switch. */
final class ContainerizerFactory {

  private final ImageRequest request;
  private final JibCredentials credentials;
  private final Target target;
  private final boolean allowInsecure;
  private final ExecutorService executor;
  private final JibProgressLog progress;

  ContainerizerFactory(
      ImageRequest request,
      JibCredentials credentials,
      Target target,
      boolean allowInsecure,
      ExecutorService executor,
      JibProgressLog progress) {
    this.request = request;
    this.credentials = credentials;
    this.target = target;
    this.allowInsecure = allowInsecure;
    this.executor = executor;
    this.progress = progress;
  }

  /** Where the containerizers report jib's progress; finished once the image is written. */
  JibProgressLog progress() {
    return progress;
  }

  /** A containerizer to the target, naming the image by this reference and the other tags. */
  Containerizer to(ImageReference reference) {
    return to(reference, event -> {}, event -> {}, false);
  }

  /**
   * The same, with one more handler that sees every log event of jib first, and one that sees every
   * progress event.
   */
  Containerizer to(
      ImageReference reference,
      Consumer<LogEvent> watcher,
      Consumer<ProgressEvent> progressWatcher) {
    return to(reference, watcher, progressWatcher, false);
  }

  /** A containerizer for a second pass over the same image: its news goes to debug. */
  Containerizer again(ImageReference reference) {
    return to(reference, event -> {}, event -> {}, true);
  }

  private Containerizer to(
      ImageReference reference,
      Consumer<LogEvent> watcher,
      Consumer<ProgressEvent> progressWatcher,
      boolean quiet) {
    Containerizer containerizer =
        target.isRegistry()
            ? Containerizer.to(credentials.registryImage(reference))
            : Containerizer.to(TarImage.at(target.tarball()).named(reference));
    if (!target.isStaged()) {
      for (String tag : request.tags().subList(1, request.tags().size())) {
        containerizer.withAdditionalTag(tag);
      }
    }
    containerizer
        // The history of every layer names the tool, without a version: upgrading the plugin
        // alone must not change the digest of an unchanged service.
        .setToolName("dockyard")
        .setToolVersion("maven-plugin")
        .setAllowInsecureRegistries(allowInsecure)
        .setBaseImageLayersCache(request.baseLayersCache())
        // Beside the base layers, outside target/: survives mvn clean and is shared by modules.
        .setApplicationLayersCache(applicationLayersCache(request))
        .addEventHandler(LogEvent.class, watcher.andThen(event -> log(event, quiet)))
        .addEventHandler(ProgressEvent.class, progressWatcher.andThen(progress::accept));
    if (executor != null) {
      containerizer.setExecutorService(executor);
    }
    return containerizer;
  }

  /** jib's cache of the layers it builds: beside the base image layers. */
  static Path applicationLayersCache(ImageRequest request) {
    return request.baseLayersCache().resolveSibling("layers");
  }

  private void log(LogEvent event, boolean quiet) {
    // Jib tries HTTPS before plain HTTP even for registries we allow HTTP for; that is expected.
    if (event.getMessage().endsWith("Attempting again with HTTP.")
        || event.getMessage().endsWith("Attempting again with no TLS verification.")) {
      request.log().debug(event.getMessage());
      return;
    }
    switch (event.getLevel()) {
      case ERROR -> request.log().warn(event.getMessage());
      case WARN -> {
        if (quiet) {
          request.log().debug(event.getMessage());
        } else {
          request.log().warn(event.getMessage());
        }
      }
      case LIFECYCLE -> {
        if (quiet) {
          request.log().debug(event.getMessage());
        } else {
          request.log().info(event.getMessage());
        }
      }
      default -> request.log().debug(event.getMessage());
    }
  }
}
