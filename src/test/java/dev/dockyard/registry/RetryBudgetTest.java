package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void waitsDoubleFromAQuarterSecondUpToTwoSeconds() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(120), now::get);

    assertThat(budget.nextWait(1, -1)).hasValue(250);
    assertThat(budget.nextWait(2, -1)).hasValue(500);
    assertThat(budget.nextWait(3, -1)).hasValue(1_000);
    assertThat(budget.nextWait(4, -1)).hasValue(2_000);
    assertThat(budget.nextWait(40, -1)).hasValue(2_000);
    assertThat(budget.retries()).isEqualTo(5);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsHonoured() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(120), now::get);

    assertThat(budget.nextWait(1, 3_000)).hasValue(3_000);
    assertThat(budget.nextWait(4, 1_000)).hasValue(2_000);
  }

  @Test
  void noRetryOnceTheDeadlineWouldPassDuringTheWait() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(20), now::get);
    now.addAndGet(19_000);

    assertThat(budget.nextWait(1, -1)).hasValue(250);
    assertThat(budget.nextWait(3, -1)).isEqualTo(OptionalLong.empty());
    assertThat(budget.nextWait(1, 5_000)).isEmpty();
    now.addAndGet(5_000);
    assertThat(budget.remainingMillis()).isZero();
    assertThat(budget.nextWait(1, -1)).isEmpty();
    assertThat(budget.retries()).isEqualTo(1);
  }

  @Test
  void oneRefusedRetryEndsTheImagesRetriesAndIsAnnouncedOnce() {
    RetryBudget budget = new RetryBudget(Duration.ofSeconds(20), now::get);
    now.addAndGet(18_500);

    assertThat(budget.firstToGiveUp()).isFalse();
    assertThat(budget.nextWait(4, -1)).isEmpty();
    // a shorter wait would still fit, but another loop of the same image retries no more
    assertThat(budget.nextWait(1, -1)).isEmpty();
    assertThat(budget.firstToGiveUp()).isTrue();
    assertThat(budget.firstToGiveUp()).isFalse();
    assertThat(budget.retries()).isZero();
  }

  @Test
  void theSettingIsWholeSecondsFromOneToADay() {
    assertThat(RetryBudget.parseSeconds(null)).contains(Duration.ofSeconds(120));
    assertThat(RetryBudget.parseSeconds(" ")).contains(RetryBudget.DEFAULT);
    assertThat(RetryBudget.parseSeconds(" 20 ")).contains(Duration.ofSeconds(20));
    assertThat(RetryBudget.parseSeconds("86400")).contains(Duration.ofDays(1));
    assertThat(RetryBudget.parseSeconds("0")).isEmpty();
    assertThat(RetryBudget.parseSeconds("86401")).isEmpty();
    assertThat(RetryBudget.parseSeconds("2m")).isEmpty();
    assertThat(RetryBudget.parseSeconds("-5")).isEmpty();
  }
}
