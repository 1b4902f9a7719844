package dev.dockyard.maven;

import dev.dockyard.engine.jib.RegistryTags;
import dev.dockyard.maven.ReactorState.StagedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * What the end of the reactor checks before any tag moves: whether the release bundle can be
 * written and, beside that check, which tags of each image must move (those lookups only read the
 * registry, so they need not wait for the check). When an image waits for the Docker engine, the
 * lookups wait too: its push moves tags, so it comes after the check, and the lookups after it.
 *
 * @param bundleProblem what keeps the bundle from being written, empty when nothing does
 * @param moves the tag moves looked up beside the check, null when they were not
 * @param lookupFailure the lookups' failure, reported when the tags would move
 */
record EndChecks(
    Optional<String> bundleProblem,
    Map<StagedImage, TagMoves> moves,
    InParallel.Failure lookupFailure) {

  /** Nothing checked: no image is staged, or a module failed. */
  static final EndChecks NONE = new EndChecks(Optional.empty(), null, null);

  static EndChecks run(
      Supplier<Optional<String>> bundleCheck, RegistryTags registry, List<StagedImage> staged) {
    if (staged.stream().anyMatch(image -> image.result() == null)) {
      return new EndChecks(bundleCheck.get(), null, null);
    }
    FutureTask<Optional<String>> check = new FutureTask<>(bundleCheck::get);
    Thread thread = new Thread(check, "dockyard-bundle-check");
    thread.setDaemon(true);
    thread.setContextClassLoader(EndChecks.class.getClassLoader());
    thread.start();
    Map<StagedImage, TagMoves> moves = null;
    InParallel.Failure failure = null;
    try {
      moves = TagMoves.of(registry, staged);
    } catch (InParallel.Failure e) {
      failure = e;
    }
    return new EndChecks(joined(check), moves, failure);
  }

  /** The tag moves of these images: as looked up beside the check, or looked up now. */
  Map<StagedImage, TagMoves> moves(RegistryTags registry, List<StagedImage> daemonless)
      throws InParallel.Failure {
    if (lookupFailure != null) {
      throw lookupFailure;
    }
    return moves != null ? moves : TagMoves.of(registry, daemonless);
  }

  private static Optional<String> joined(FutureTask<Optional<String>> check) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return check.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("checking the release bundle failed", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
