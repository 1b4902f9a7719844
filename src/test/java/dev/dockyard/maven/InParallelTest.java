package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InParallelTest {

  @Test
  void everyItemGetsItsOwnResult() throws Exception {
    List<String> items = List.of("a", "bb", "ccc");

    Map<String, Integer> lengths = InParallel.run(2, items, item -> item, String::length);

    assertThat(items).allSatisfy(item -> assertThat(lengths.get(item)).isEqualTo(item.length()));
  }

  @Test
  void stepsRunAtTheSameTimeUpToTheWidth() throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);

    Map<String, Boolean> met =
        InParallel.run(
            2,
            List.of("x", "y"),
            item -> item,
            item -> {
              bothStarted.countDown();
              return bothStarted.await(5, TimeUnit.SECONDS);
            });

    assertThat(met.values()).containsOnly(true);
  }

  @Test
  void theFirstFailureInTheItemsOrderIsThrownAfterAllRan() {
    List<String> items = List.of("ok", "bad-1", "bad-2");

    assertThatThrownBy(
            () ->
                InParallel.run(
                    3,
                    items,
                    item -> "at " + item,
                    item -> {
                      if (item.startsWith("bad")) {
                        throw new IllegalStateException(item + " failed");
                      }
                      return item;
                    }))
        .isInstanceOfSatisfying(
            InParallel.Failure.class,
            failure -> {
              assertThat(failure.where).isEqualTo("at bad-1");
              assertThat(failure.cause).hasMessage("bad-1 failed");
            });
  }

  @Test
  void itemsAreToldApartByIdentity() throws Exception {
    String one = new String("same");
    String other = new String("same");

    Map<String, String> results =
        InParallel.run(2, List.of(one, other), item -> item, item -> item);

    assertThat(results).hasSize(2);
  }
}
