package dev.dockyard.registry;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * How long a registry that keeps failing transiently (resets, timeouts, 429, 5xx) is tried again
 * for one image: every retry of that image draws on one deadline ({@code <registryRetryTime>}),
 * waiting 0.25 s, 0.5 s, 1 s, then 2 s between attempts, or what a {@code Retry-After} asks, and
 * the build fails once the deadline has passed.
 */
public final class RetryBudget {

  /** {@code <registryRetryTime>}'s default. */
  public static final Duration DEFAULT = Duration.ofSeconds(120);

  static final long FIRST_WAIT_MILLIS = 250;
  static final long LONGEST_WAIT_MILLIS = 2_000;

  private final Duration total;
  private final LongSupplier clock;
  private final long deadline;
  private int retries;
  private boolean spent;
  private boolean givenUp;

  RetryBudget(Duration total, LongSupplier clock) {
    this.total = total;
    this.clock = clock;
    this.deadline = clock.getAsLong() + total.toMillis();
  }

  /** A budget of {@code total} from now. */
  public static RetryBudget starting(Duration total) {
    return new RetryBudget(total, System::currentTimeMillis);
  }

  /** The whole budget, as configured. */
  public Duration total() {
    return total;
  }

  /** Milliseconds left before the deadline, never negative. */
  public long remainingMillis() {
    return Math.max(0, deadline - clock.getAsLong());
  }

  /** How many retries this budget paid for so far. */
  public synchronized int retries() {
    return retries;
  }

  /**
   * The wait before the next attempt after this many failed ones, honouring the registry's {@code
   * Retry-After} (negative when it sent none); empty when the deadline comes first, and from then
   * on: once one retry is refused, the image's retries are over, whichever loop asks next.
   */
  public synchronized OptionalLong nextWait(int failedAttempts, long retryAfterMillis) {
    long backoff =
        Math.min(
            LONGEST_WAIT_MILLIS,
            FIRST_WAIT_MILLIS << Math.min(10, Math.max(0, failedAttempts - 1)));
    long wait = Math.max(backoff, retryAfterMillis);
    if (spent || wait >= remainingMillis()) {
      spent = true;
      return OptionalLong.empty();
    }
    retries++;
    return OptionalLong.of(wait);
  }

  /**
   * True the first time it is asked after a retry was refused, false before and after: the one
   * warning that the image's retries are over.
   */
  public synchronized boolean firstToGiveUp() {
    if (!spent || givenUp) {
      return false;
    }
    givenUp = true;
    return true;
  }

  /**
   * Parses {@code <registryRetryTime>}: whole seconds from 1 to 86400, the default when blank;
   * empty when the value is none of these.
   */
  public static Optional<Duration> parseSeconds(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(DEFAULT);
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 1 && seconds <= 86_400
          ? Optional.of(Duration.ofSeconds(seconds))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
