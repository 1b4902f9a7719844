package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes an image by digest: every blob and the manifest, and no tag. jib pushes manifests only by
 * the target's qualifier, and learns the digest only once every blob is up; so a first pass pushes
 * the blobs and stops at the manifest, keeping the digest jib announces, and a second pass, which
 * finds every blob there, pushes the manifest under that digest. When the repository holds that
 * manifest already (an image rebuilt from the same sources after {@code clean}), the second pass is
 * not run: one manifest check instead of a second build.
 */
final class StagedPush {

  /** jib announces the manifest digest in this event before it pushes the manifest. */
  static final String CHECKING = "Checking existence of manifest for ";

  /** jib's event just before a manifest is pushed. */
  static final String PUSHING = "Pushing manifest for ";

  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String PLACEHOLDER = "sha256:" + "0".repeat(64);

  private StagedPush() {}

  /** What the push left in the repository: the manifest digest, and the config's when known. */
  record Pushed(String digest, String imageId) {
    static Pushed of(JibContainer container) {
      return new Pushed(container.getDigest().toString(), container.getImageId().toString());
    }
  }

  /**
   * @param client a client allowed to push to the reference's repository
   * @return the digests, the image id null when the manifest was there already
   */
  static Pushed push(
      JibContainerBuilder builder,
      ContainerizerFactory containerizers,
      ImageReference reference,
      ImageRequest request,
      RetryBudget budget,
      RegistryClient client)
      throws InterruptedException,
          RegistryException,
          IOException,
          CacheDirectoryCreationException,
          ExecutionException {
    AtomicReference<String> digest = new AtomicReference<>();
    Consumer<LogEvent> watcher =
        event -> {
          String message = event.getMessage();
          String announced = digestIn(message);
          if (announced != null) {
            digest.set(announced);
          } else if (message.startsWith(PUSHING) && digest.get() != null) {
            throw new ManifestReady();
          }
        };
    try {
      RegistryRetries.containerize(
          builder,
          containerizers.to(reference.withQualifier(PLACEHOLDER), watcher),
          request,
          budget);
      throw new IllegalStateException("jib pushed a manifest under a placeholder digest");
    } catch (ExecutionException e) {
      if (!stoppedAtManifest(e) || digest.get() == null) {
        throw e;
      }
    }
    request.log().debug("Every blob of " + reference + " is pushed; manifest " + digest.get());
    if (client.checkManifest(digest.get()).isPresent()) {
      request
          .log()
          .debug("The repository holds manifest " + digest.get() + " already: not pushed again");
      return new Pushed(digest.get(), null);
    }
    return Pushed.of(
        RegistryRetries.containerize(
            builder, containerizers.again(reference.withQualifier(digest.get())), request, budget));
  }

  /** The manifest digest jib announces in this event, or null. */
  static String digestIn(String message) {
    Matcher found = DIGEST.matcher(message);
    return message.startsWith(CHECKING) && found.find() ? found.group() : null;
  }

  private static boolean stoppedAtManifest(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ManifestReady) {
        return true;
      }
    }
    return false;
  }

  /** Stops jib between the last blob and the first manifest. */
  private static final class ManifestReady extends RuntimeException {
    ManifestReady() {
      super("every blob pushed; the manifest is pushed by digest", null, false, false);
    }
  }
}
