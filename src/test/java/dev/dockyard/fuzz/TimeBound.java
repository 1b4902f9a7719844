package dev.dockyard.fuzz;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each fuzz input on one reused worker thread and fails an input that takes longer than the
 * bound, so that a hang shows up as a failing sample instead of a stuck build.
 */
public final class TimeBound implements AutoCloseable {

  /** What one input does; any exception it throws is handed back to the property unchanged. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  private final Duration bound;
  private ExecutorService worker = newWorker();

  public TimeBound(Duration bound) {
    this.bound = bound;
  }

  /**
   * The work's result.
   *
   * @throws AssertionError when the work takes longer than the bound, naming the input
   * @throws Exception what the work threw (errors such as {@link StackOverflowError} included)
   */
  public <T> T within(Object input, Work<T> work) throws Exception {
    Future<T> result = worker.submit(work::run);
    try {
      return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      // the stuck thread may never stop; later inputs get a fresh one
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("took longer than " + bound + " on input: " + show(input));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  /** The input with control characters made visible and cut at 400 characters, for messages. */
  public static String show(Object input) {
    String text = String.valueOf(input);
    if (text.length() > 400) {
      text = text.substring(0, 400) + "... (" + text.length() + " characters)";
    }
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "fuzz-input");
          thread.setDaemon(true);
          return thread;
        });
  }
}
