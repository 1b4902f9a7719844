package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.fuzz.TimeBound;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the Dockerfile parser with generated Dockerfile-like text ({@link DockerfileTexts}): it
 * and everything that reads its result (variable substitution, COPY sources, heredoc lowering)
 * either succeed or fail with a {@link DockerfileException} naming file:line, within a time bound;
 * and what it parses writes back to text that parses the same.
 */
class DockerfileParserFuzzTest {

  static final String FILE = "services/api/Dockerfile";
  private static final Map<String, String> BUILD_ARGS = Map.of("A", "x*y", "BASE", "base", "é", "");

  private final TimeBound bound = new TimeBound(Duration.ofSeconds(5));

  @AfterProperty
  void stopWorker() {
    bound.close();
  }

  @Provide
  Arbitrary<String> dockerfiles() {
    return DockerfileTexts.dockerfiles();
  }

  @Provide
  Arbitrary<DockerfileTexts.Repeated> repeated() {
    return DockerfileTexts.repeated();
  }

  @Property(tries = 12_000, seed = "20261203")
  void parsingAndResolvingFailOnlyWithFileAndLine(@ForAll("dockerfiles") String text)
      throws Exception {
    Statistics.collect(bound.within(text, () -> parseAndUse(text)));
  }

  @Property(tries = 300, seed = "20261203")
  void deepNestingAndLongLinesFailOnlyWithFileAndLine(
      @ForAll("repeated") DockerfileTexts.Repeated input) throws Exception {
    bound.within(input, () -> parseAndUse(input.text()));
  }

  @Property(tries = 6_000, seed = "20261203")
  void whatParsesWritesBackToTheSameInstructions(@ForAll("dockerfiles") String text)
      throws Exception {
    Dockerfile parsed = bound.within(text, () -> parseOrNull(text));
    if (parsed == null) {
      return;
    }
    String rendered = CanonicalDockerfile.render(parsed);
    Dockerfile again;
    try {
      again = bound.within(rendered, () -> DockerfileParser.parse(rendered, FILE));
    } catch (DockerfileException e) {
      throw new AssertionError(
          "the canonical text " + TimeBound.show(rendered) + " of " + TimeBound.show(text), e);
    }
    assertThat(CanonicalDockerfile.shape(again))
        .as("the canonical text %s of %s", TimeBound.show(rendered), TimeBound.show(text))
        .isEqualTo(CanonicalDockerfile.shape(parsed));
    assertThat(CanonicalDockerfile.render(again)).isEqualTo(rendered);
  }

  @Property(tries = 4_000, seed = "20261203")
  void loweredHeredocsParseToTheSameInstructionsOnTheSameLines(@ForAll("dockerfiles") String text)
      throws Exception {
    Dockerfile parsed = bound.within(text, () -> parseOrNull(text));
    if (parsed == null || !parsed.hasHeredocs()) {
      return;
    }
    HeredocLowering.Lowered lowered;
    try {
      lowered = HeredocLowering.lower(text, parsed, BUILD_ARGS);
    } catch (DockerfileException e) {
      assertDocumented(e, text);
      return;
    }
    String engineText = lowered.text();
    Dockerfile again;
    try {
      again = DockerfileParser.parse(engineText, FILE);
    } catch (DockerfileException e) {
      throw new AssertionError(
          "the lowered text " + TimeBound.show(engineText) + " of " + TimeBound.show(text), e);
    }
    assertThat(again.hasHeredocs()).isFalse();
    assertThat(again.instructions().stream().map(i -> i.keyword() + "@" + i.location()).toList())
        .as("the lowered text %s of %s", TimeBound.show(engineText), TimeBound.show(text))
        .isEqualTo(
            parsed.instructions().stream().map(i -> i.keyword() + "@" + i.location()).toList());
    for (int i = 0; i < parsed.instructions().size(); i++) {
      Instruction before = parsed.instructions().get(i);
      if (!before.hasHeredocs()) {
        assertThat(again.instructions().get(i).arguments()).isEqualTo(before.arguments());
      }
    }
    assertThat(HeredocLowering.lower(engineText, again, BUILD_ARGS).text()).isEqualTo(engineText);
  }

  /** How far the text got: resolved, or the kind of error that stopped it. */
  private static String parseAndUse(String text) {
    String stage = "parse";
    try {
      Dockerfile parsed = DockerfileParser.parse(text, FILE);
      stage = "resolve";
      CopyFromStages.check(parsed);
      CopySources.of(parsed, BUILD_ARGS);
      HeredocLowering.lower(text, parsed, BUILD_ARGS);
      DockerfileResolver.resolve(parsed, BUILD_ARGS, () -> BaseImageConfig.EMPTY);
      return "resolved";
    } catch (DockerfileException e) {
      assertDocumented(e, text);
      return stage + " failed";
    }
  }

  private static Dockerfile parseOrNull(String text) {
    try {
      return DockerfileParser.parse(text, FILE);
    } catch (DockerfileException e) {
      assertDocumented(e, text);
      return null;
    }
  }

  /** The documented error: {@code <what>: '<bad value>' at <file>:<line>; <how to fix>}. */
  static void assertDocumented(DockerfileException e, String text) {
    long lines = text.chars().filter(c -> c == '\n').count() + 1;
    assertThat(e.location().file()).isEqualTo(FILE);
    assertThat(e.location().line()).as(e.getMessage()).isBetween(1, (int) lines);
    assertThat(e.getMessage())
        .as("the message for %s", TimeBound.show(text))
        .matches(
            "(?s)[^\\n]+: '.*' at "
                + java.util.regex.Pattern.quote(e.location().toString())
                + "; \\S.*");
  }
}
