package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.RetryBudget;
import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Runs registry work again after a transient failure, on a {@link RetryBudget}: each of dockyard's
 * own registry calls on its own ({@link #call}), and jib's containerize as a whole: jib's HTTP
 * client retries each failed request's I/O itself, but a 429 or 5xx answer, or a body cut short,
 * fails the whole containerize; a rerun resumes, as blobs the registry already has are skipped. An
 * attempt still running when the budget ends (a registry that stalls) is abandoned, so a failing
 * registry costs at most the budget.
 */
final class RegistryRetries {

  private RegistryRetries() {}

  /**
   * After a failed registry call: waits before the next attempt when the failure is transient and
   * the budget allows it (warning why, with {@code more} after the reason, and dropping the
   * reactor's kept clients, which may be unusable), else throws the failure.
   */
  static void waitOrThrow(
      EngineException failure, RetryBudget budget, int attempt, ImageRequest request, String more)
      throws EngineException {
    OptionalLong wait = nextAttempt(failure.getCause(), budget, attempt, request, more);
    if (wait.isEmpty()) {
      throw failure;
    }
    if (request.connections() != null) {
      request.connections().clear();
    }
    try {
      Thread.sleep(wait.getAsLong());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /**
   * Runs one registry exchange, again after each transient failure while the image's budget lasts:
   * a 503 on the manifest check costs that request, not the image's whole push.
   *
   * @param what what the call does, for the warning before the next attempt ("checking the
   *     manifest")
   */
  static <T> T call(RetryBudget budget, ImageRequest request, String what, RegistryCall<T> call)
      throws IOException, RegistryException, CredentialRetrievalException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (IOException | RegistryException e) {
        OptionalLong wait = nextAttempt(e, budget, attempt, request, ", " + what + " again");
        if (wait.isEmpty()) {
          throw e;
        }
        try {
          Thread.sleep(wait.getAsLong());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          InterruptedIOException stopped = new InterruptedIOException("stopped " + what);
          stopped.initCause(interrupted);
          throw stopped;
        }
      }
    }
  }

  /** Containerizes, again after each transient failure while the budget lasts. */
  static JibContainer containerize(
      JibContainerBuilder builder,
      Containerizer containerizer,
      ImageRequest request,
      RetryBudget budget)
      throws InterruptedException,
          RegistryException,
          IOException,
          CacheDirectoryCreationException,
          ExecutionException {
    return containerize(builder, containerizer, request, budget, () -> false, "").orElseThrow();
  }

  /**
   * Containerizes, again after each transient failure while the budget lasts, unless {@code
   * leftToUs} says, after a failed attempt, that what the attempt left undone is for the caller to
   * finish: then empty, having warned of the failure and that the caller {@code finishes}.
   */
  static Optional<JibContainer> containerize(
      JibContainerBuilder builder,
      Containerizer containerizer,
      ImageRequest request,
      RetryBudget budget,
      BooleanSupplier leftToUs,
      String finishes)
      throws InterruptedException,
          RegistryException,
          IOException,
          CacheDirectoryCreationException,
          ExecutionException {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(withinBudget(builder, containerizer, budget));
      } catch (ExecutionException | RegistryException | IOException e) {
        String why = TransientFailures.describe(e);
        if (why != null && leftToUs.getAsBoolean()) {
          request
              .log()
              .warn(TransientFailures.failed(request.image().name(), why) + "; " + finishes);
          return Optional.empty();
        }
        Throwable cause =
            e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        OptionalLong wait =
            nextAttempt(
                cause, budget, attempt, request, ", resuming with what the registry already has");
        if (wait.isEmpty()) {
          throw e;
        }
        Thread.sleep(wait.getAsLong());
      }
    }
  }

  /**
   * The wait before the attempt after {@code attempt} failed with {@code failure}, warned with
   * {@code more} after the reason; empty when the failure would come again, or when the budget is
   * spent (warned once per image, by the loop that found it spent).
   */
  private static OptionalLong nextAttempt(
      Throwable failure, RetryBudget budget, int attempt, ImageRequest request, String more) {
    String why = TransientFailures.describe(failure);
    if (why == null) {
      return OptionalLong.empty();
    }
    OptionalLong wait = budget.nextWait(attempt, retryAfterMillis(failure));
    String image = request.image().name();
    if (wait.isPresent()) {
      request
          .log()
          .warn(TransientFailures.retrying(image, why, attempt + 1, wait.getAsLong()) + more);
    } else if (budget.firstToGiveUp()) {
      request
          .log()
          .warn(TransientFailures.givingUp(image, why, budget.retries() + 1, budget.total()));
    }
    return wait;
  }

  /**
   * One containerize, on a thread of its own in this thread's trust scope, waited for until the
   * budget ends.
   */
  private static JibContainer withinBudget(
      JibContainerBuilder builder, Containerizer containerizer, RetryBudget budget)
      throws InterruptedException,
          RegistryException,
          IOException,
          CacheDirectoryCreationException,
          ExecutionException {
    X509ExtendedTrustManager trust = ScopedTrust.scoped();
    FutureTask<JibContainer> task =
        new FutureTask<>(
            () ->
                trust == null
                    ? builder.containerize(containerizer)
                    : ScopedTrust.call(trust, () -> builder.containerize(containerizer)));
    Thread runner = new Thread(task, "dockyard-containerize");
    runner.setDaemon(true);
    runner.start();
    try {
      return task.get(Math.max(1, budget.remainingMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new RegistryStalled(budget);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RegistryException registry) {
        throw registry;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof CacheDirectoryCreationException cache) {
        throw cache;
      }
      if (cause instanceof ExecutionException execution) {
        throw execution;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    } catch (InterruptedException e) {
      task.cancel(true);
      throw e;
    }
  }

  /** What a {@code Retry-After} in the failure asks for, in milliseconds; -1 when none. */
  static long retryAfterMillis(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ResponseException response && response.getHeaders() != null) {
        return TransientFailures.retryAfterMillis(
            response.getHeaders().getFirstHeaderStringValue("Retry-After"));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return -1;
  }

  /** The registry gave no answer before the retry budget ended. */
  static final class RegistryStalled extends IOException {
    RegistryStalled(RetryBudget budget) {
      super(
          "no complete answer within "
              + Setting.REGISTRY_RETRY_TIME.element()
              + " ("
              + budget.total().toSeconds()
              + "s); the registry stalls");
    }
  }
}
