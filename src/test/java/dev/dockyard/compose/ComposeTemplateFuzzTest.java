package dev.dockyard.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.fuzz.TimeBound;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Fuzzes the compose template's placeholders and its YAML reading with YAML-like text: nothing
 * escapes but a {@link BundleException} naming the template (and its line where it has one).
 */
class ComposeTemplateFuzzTest {

  private static final List<String> LINES =
      List.of(
          "services:",
          "  api:",
          "    image: ${dockyard.image.api}",
          "    image: ${dockyard.image.nope}",
          "    ports:",
          "      - \"${dockyard.port.api}:8080\"",
          "      - ${dockyard.port.api",
          "    environment:",
          "      A: ${A}",
          "      B: \\${x.y}",
          "    volumes: [./conf:/conf]",
          "  web: {image: x, ports: [80:80]}",
          "name: ${dockyard.releaseName}",
          "x: &a {b: 1}",
          "y: *a",
          "z: *missing",
          "t: !!timestamp 2020-99-99",
          "t: !!timestamp x",
          "i: !!int abc",
          "f: !!float 1e999999",
          "b: !!binary ???",
          "s: !!set {a, b}",
          "o: !!javax.script.ScriptEngineManager []",
          "? complex",
          ": key",
          "%YAML 1.1",
          "%TAG ! tag:x,2000:",
          "---",
          "...",
          "\t- tab",
          "- [a, b",
          "{",
          "'unclosed",
          "\"\\x\"",
          "k: v: w",
          "<<: *a",
          "k: 😀",
          "\uFEFFk: v",
          "k: |",
          "  literal",
          "k: >-",
          "k: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
          "");

  private final TimeBound bound = new TimeBound(Duration.ofSeconds(5));

  @AfterProperty
  void stopWorker() {
    bound.close();
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.of(LINES).list().ofMaxSize(10).map(lines -> String.join("\n", lines));
  }

  @Property(tries = 20_000, seed = "20261203")
  void renderingAndReadingFailOnlyWithTheTemplatesName(@ForAll("templates") String text)
      throws Exception {
    Map<String, String> values =
        Map.of(
            "dockyard.image.api", "127.0.0.1:5000/api:1@sha256:abc",
            "dockyard.port.api", "8180",
            "dockyard.releaseName", "shop-1-0");
    bound.within(
        text,
        () -> {
          try {
            ComposeYaml.read(
                ReleaseBundle.renderPlaceholders(text, ReleaseBundle.TEMPLATE, values),
                ReleaseBundle.TEMPLATE);
          } catch (BundleException e) {
            assertThat(e.getMessage())
                .as("the message for %s", TimeBound.show(text))
                .contains(ReleaseBundle.TEMPLATE)
                .doesNotContain("\n");
          }
          return null;
        });
  }
}
