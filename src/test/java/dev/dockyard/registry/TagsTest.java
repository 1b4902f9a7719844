package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tag computation (version, latest, extras) and tag validation. */
class TagsTest {

  private static final String RULE =
      "tags are 1 to 128 characters: letters, digits, _ . and -, not starting with . or -";

  static Stream<Arguments> tagSets() {
    return Stream.of(
        Arguments.of("1.2.0", true, List.of(), List.of("1.2.0", "latest")),
        Arguments.of("1.2.0", false, List.of(), List.of("1.2.0")),
        Arguments.of("1.2.0-SNAPSHOT", true, List.of(), List.of("1.2.0-SNAPSHOT")),
        Arguments.of("1.2.0-snapshot", true, List.of(), List.of("1.2.0-snapshot")),
        Arguments.of(
            "1.2.0", true, List.of("stable", "1.2"), List.of("1.2.0", "latest", "stable", "1.2")),
        Arguments.of(
            "1.2.0", true, List.of("latest", "1.2.0", "x", "x"), List.of("1.2.0", "latest", "x")),
        Arguments.of(
            "1.2.0-SNAPSHOT", true, List.of("latest"), List.of("1.2.0-SNAPSHOT", "latest")),
        Arguments.of(
            "1.0", false, Arrays.asList(" a ", "", null, "  ", "b"), List.of("1.0", "a", "b")),
        Arguments.of("1.0", true, null, List.of("1.0", "latest")),
        Arguments.of(
            "_1",
            false,
            List.of("A_b.C-d", "x".repeat(128)),
            List.of("_1", "A_b.C-d", "x".repeat(128))));
  }

  @ParameterizedTest(name = "[{index}] {0} latest={1} extra={2}")
  @MethodSource("tagSets")
  void computesVersionLatestAndExtrasInOrderWithoutDuplicates(
      String version, boolean latest, List<String> extra, List<String> expected)
      throws InvalidImageNameException {
    assertThat(Tags.compute(version, latest, extra)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> badTags() {
    String version =
        "' at ${project.version}; " + RULE + "; use a project <version> that is a valid tag";
    String extra = "' at <tags> / -Ddockyard.tags; " + RULE + "; correct or remove it";
    return Stream.of(
        Arguments.of("1.0+build.5", List.of(), "Invalid image tag: '1.0+build.5" + version),
        Arguments.of("", List.of(), "Invalid image tag: '" + version),
        Arguments.of(null, List.of(), "Invalid image tag: '" + version),
        Arguments.of("1.0", List.of("ok", ".hidden"), "Invalid image tag: '.hidden" + extra),
        Arguments.of("1.0", List.of("-rc"), "Invalid image tag: '-rc" + extra),
        Arguments.of("1.0", List.of("feature/x"), "Invalid image tag: 'feature/x" + extra),
        Arguments.of("1.0", List.of("a b"), "Invalid image tag: 'a b" + extra),
        Arguments.of("1.0", List.of("caf\u00e9"), "Invalid image tag: 'caf\u00e9" + extra),
        Arguments.of(
            "1.0", List.of("x".repeat(129)), "Invalid image tag: '" + "x".repeat(129) + extra));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("badTags")
  void rejectsEachBadTagQuotingItsOriginAndTheRule(
      String version, List<String> extra, String message) {
    assertThatThrownBy(() -> Tags.compute(version, true, extra))
        .isInstanceOf(InvalidImageNameException.class)
        .satisfies(thrown -> assertThat(Rendered.message(thrown)).isEqualTo(message));
  }
}
