package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dockyard.engine.ImageRequest;
import dev.dockyard.maven.Rendered;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RegistryRetriesTest {

  private final RecordingLog log = new RecordingLog();
  private final AtomicInteger calls = new AtomicInteger();

  private ImageRequest request() {
    return TestImages.ordersRequest(null, log);
  }

  @Test
  void aCallThatFailsTransientlyIsMadeAgainAloneAndSaysSo() throws Exception {
    RetryBudget budget = RetryBudget.starting(Duration.ofSeconds(30));

    String answer =
        RegistryRetries.call(
            budget,
            request(),
            "checking the manifest",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new SocketException("Connection reset");
              }
              return "sha256:abc";
            });

    assertThat(answer).isEqualTo("sha256:abc");
    assertThat(calls).hasValue(3);
    assertThat(budget.retries()).isEqualTo(2);
    assertThat(log.warnings)
        .containsExactly(
            "Registry failure for registry.corp/shop/orders (SocketException: Connection reset);"
                + " attempt 2 in 0.25s, checking the manifest again",
            "Registry failure for registry.corp/shop/orders (SocketException: Connection reset);"
                + " attempt 3 in 0.5s, checking the manifest again");
  }

  @Test
  void aFailureThatWouldComeAgainIsThrownAtOnce() {
    RetryBudget budget = RetryBudget.starting(Duration.ofSeconds(30));

    assertThat(alwaysFailing(budget, attempt -> new ConnectException("Connection refused")))
        .isInstanceOf(ConnectException.class);
    assertThat(calls).hasValue(1);
    assertThat(log.warnings).isEmpty();
  }

  @Test
  void theLastFailureIsThrownOnceTheBudgetIsSpent() {
    RetryBudget budget = RetryBudget.starting(Duration.ofMillis(1_500));

    assertThat(
            alwaysFailing(
                budget,
                attempt ->
                    new IOException("attempt " + attempt, new SocketException("Broken pipe"))))
        .hasMessage("attempt 3");
    // waits of 0.25 s and 0.5 s fit in the 1.5 s; the next, 1 s, does not
    assertThat(calls).hasValue(3);
    assertThat(Rendered.text(log.warnings.get(log.warnings.size() - 1)))
        .isEqualTo(
            "Giving up on registry.corp/shop/orders after 3 attempts within <registryRetryTime>"
                + " (1s): SocketException: Broken pipe");
  }

  /** What a call that fails every attempt with {@code failure}'s exception finally throws. */
  private Throwable alwaysFailing(RetryBudget budget, IntFunction<IOException> failure) {
    return catchThrowable(
        () ->
            RegistryRetries.call(
                budget,
                request(),
                "pushing the manifest",
                () -> {
                  throw failure.apply(calls.incrementAndGet());
                }));
  }
}
