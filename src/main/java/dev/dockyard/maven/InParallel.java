package dev.dockyard.maven;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one step of the end of the release for every image (or tag), a few at a time; waits for all,
 * then throws the first failure in the items' order, naming where it happened.
 */
final class InParallel {

  private InParallel() {}

  /** One step, for one image. */
  @FunctionalInterface
  interface Step<T, R> {
    R run(T item) throws Exception;
  }

  /** A failure of a step, and the image or tag it met. */
  static final class Failure extends Exception {
    final String where;
    final Throwable cause;

    Failure(String where, Throwable cause) {
      super(where, cause);
      this.where = where;
      this.cause = cause;
    }
  }

  /** The step's results by item; items are told apart by identity, never hashed. */
  static <T, R> Map<T, R> run(int width, List<T> items, Function<T, String> where, Step<T, R> step)
      throws Failure {
    Map<T, R> results = new IdentityHashMap<>();
    if (items.isEmpty()) {
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(width, items.size()));
    try {
      Map<T, Future<R>> futures = new IdentityHashMap<>();
      for (T item : items) {
        futures.put(item, pool.submit(() -> step.run(item)));
      }
      Failure first = null;
      for (T item : items) {
        try {
          results.put(item, futures.get(item).get());
        } catch (ExecutionException e) {
          if (first == null) {
            first = new Failure(where.apply(item), e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          if (first == null) {
            first = new Failure(where.apply(item), e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
