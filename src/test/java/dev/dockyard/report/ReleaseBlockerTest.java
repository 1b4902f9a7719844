package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseBlockerTest {

  static Stream<Arguments> reactors() {
    return Stream.of(
        Arguments.of("nothing blocks a build that succeeded", List.of(), List.of(), false, null),
        Arguments.of(
            "failed modules are named in reactor order",
            List.of("orders", "billing"),
            List.of(),
            false,
            "orders, billing failed"),
        Arguments.of(
            "modules not built are named after the failed ones",
            List.of("orders"),
            List.of("gateway", "web"),
            true,
            "orders failed; gateway, web not built"),
        Arguments.of(
            "modules not built block on their own",
            List.of(),
            List.of("web"),
            false,
            "web not built"),
        Arguments.of(
            "a failure outside the modules blocks as the build failing",
            List.of(),
            List.of(),
            true,
            "the build failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reactors")
  void tellsWhyTheTagsMustNotMove(
      String why, List<String> failed, List<String> notBuilt, boolean buildFailed, String reason) {
    assertThat(ReleaseBlocker.of(failed, notBuilt, buildFailed))
        .isEqualTo(Optional.ofNullable(reason));
  }
}
