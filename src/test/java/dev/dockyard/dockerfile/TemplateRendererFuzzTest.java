package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.fuzz.TimeBound;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the placeholder renderer of Dockerfile templates with Dockerfile-like text and
 * placeholders of every shape: it fails only with a {@link DockerfileException} naming file:line,
 * its output parses or fails the same way, it is idempotent, inserts values literally, and leaves a
 * template without dotted placeholders as it is.
 */
class TemplateRendererFuzzTest {

  private static final String FILE = DockerfileParserFuzzTest.FILE;
  private static final List<String> PLACEHOLDERS =
      List.of(
          "${project.version}",
          "${dockyard.from}",
          "${dockyard.libs}",
          "${a.b}",
          "${unknown.name}",
          "${project.versio}",
          "\\${a.b}",
          "\\\\${a.b}",
          "\\\\\\${a.b}",
          "${a.b",
          "${a.}",
          "${.a}",
          "${A}",
          "$",
          "${",
          "}",
          "${a.b\n",
          "${é.x}",
          "${a-b.c}",
          "$${a.b}",
          "${a.b}}");
  private static final Pattern DOTTED = Pattern.compile("\\$\\{[A-Za-z0-9_-]+\\.");
  // what the renderer leaves in place and an inserted value can complete into a placeholder: a
  // dotted name not closed by '}' (${a.b:-x}, left for Docker), or '${' right before a placeholder
  private static final Pattern LEFT_OPEN =
      Pattern.compile("\\$\\{[A-Za-z0-9_.-]*\\.[A-Za-z0-9_.-]*+(?!})|\\$\\{[A-Za-z0-9_.-]*\\$\\{");

  private final TimeBound bound = new TimeBound(Duration.ofSeconds(5));

  @AfterProperty
  void stopWorker() {
    bound.close();
  }

  @Provide
  Arbitrary<String> templates() {
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            Tuple.of(3, DockerfileTexts.instructionLine().map(l -> l + "\n")),
            Tuple.of(3, Arbitraries.of(PLACEHOLDERS)),
            Tuple.of(1, DockerfileWords.argument()));
    return Combinators.combine(DockerfileTexts.from(), piece.list().ofMaxSize(8))
        .as((from, pieces) -> from + "\n" + String.join("", pieces));
  }

  /** Values as a POM gives them: anything, `$`, `\` and placeholders included. */
  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        DockerfileWords.argument(), Arbitraries.of(PLACEHOLDERS), Arbitraries.of("", "\\", "$"));
  }

  /**
   * Values without {@code $ \ { }}: one with them can complete a placeholder the template left open
   * ({@code ${a.b} then '}'}), which a second rendering would then replace.
   */
  @Provide
  Arbitrary<String> plainValues() {
    return values().filter(v -> !v.matches("(?s).*[$\\\\{}].*"));
  }

  @Provide
  Arbitrary<String> dockerfiles() {
    return DockerfileTexts.dockerfiles();
  }

  private static Map<String, String> known(String value) {
    return Map.of(
        "project.version", "1.0-SNAPSHOT",
        "dockyard.from", "127.0.0.1:5000/base/java17:latest",
        "dockyard.libs", "target/dockyard/app/libs",
        "a.b", value);
  }

  @Property(tries = 8_000, seed = "20261203")
  void renderingAndParsingTheResultFailOnlyWithFileAndLine(
      @ForAll("templates") String template, @ForAll("values") String value) throws Exception {
    bound.within(
        template,
        () -> {
          String rendered;
          try {
            rendered = TemplateRenderer.render(template, FILE, known(value));
          } catch (DockerfileException e) {
            DockerfileParserFuzzTest.assertDocumented(e, template);
            return null;
          }
          try {
            DockerfileParser.parse(rendered, FILE);
          } catch (DockerfileException e) {
            DockerfileParserFuzzTest.assertDocumented(e, rendered);
          }
          return null;
        });
  }

  @Property(tries = 6_000, seed = "20261203")
  void renderingATemplateWhosePlaceholdersAreClosedIsIdempotent(
      @ForAll("templates") String template, @ForAll("plainValues") String value) throws Exception {
    boolean open = LEFT_OPEN.matcher(template).find();
    Statistics.collect(open ? "left open" : "closed");
    if (open) {
      return;
    }
    String rendered;
    try {
      rendered = TemplateRenderer.render(template, FILE, known(value));
    } catch (DockerfileException e) {
      return;
    }
    assertThat(TemplateRenderer.render(rendered, FILE, known(value)))
        .as("rendering %s again", TimeBound.show(rendered))
        .isEqualTo(rendered);
  }

  @Property(tries = 10_000, seed = "20261203")
  void knownValuesAreInsertedLiterally(@ForAll("values") String value) throws Exception {
    String template = "FROM ${dockyard.from}\nLABEL v=\"${a.b}\" w=${project.version}${a.b}\n";
    assertThat(TemplateRenderer.render(template, FILE, known(value)))
        .isEqualTo(
            "FROM 127.0.0.1:5000/base/java17:latest\nLABEL v=\""
                + value
                + "\" w=1.0-SNAPSHOT"
                + value
                + "\n");
  }

  @Property(tries = 3_000, seed = "20261203")
  void aDockerfileWithoutDottedPlaceholdersRendersToItself(@ForAll("dockerfiles") String text)
      throws Exception {
    if (DOTTED.matcher(text).find()) {
      return;
    }
    assertThat(TemplateRenderer.render(text, FILE, known("x"))).isEqualTo(text);
  }
}
