package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases the fuzz tests ({@link DockerfileParserFuzzTest}) found, pinned: each once overflowed
 * the stack or broke its error over two lines.
 */
class FuzzFoundTest {

  private static ImageRecipe resolve(String text) throws DockerfileException {
    return DockerfileResolver.resolve(
        DockerfileParser.parse(text, "Dockerfile"), Map.of(), () -> BaseImageConfig.EMPTY);
  }

  @Test
  void substitutionsNestedThousandsDeepFailInsteadOfOverflowingTheStack() {
    String nested = "${A/".repeat(5000);

    assertThatThrownBy(() -> resolve("FROM base\nEXPOSE " + nested))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Variable substitutions nested more than 100 deep in EXPOSE: '"
                + nested
                + "' at Dockerfile:2; nest at most 100 ${...} inside each other");
  }

  @Test
  void substitutionsNestedAHundredDeepStillWork() throws Exception {
    String nested = "${A:-".repeat(100) + "x" + "}".repeat(100);

    assertThat(new ShellLexer('\\', name -> null).word(nested)).isEqualTo("x");
    assertThatThrownBy(() -> new ShellLexer('\\', name -> null).word("${A:-" + nested + "}"))
        .hasMessage(
            "Variable substitutions nested more than 100 deep; nest at most 100 ${...} inside"
                + " each other");
  }

  @Test
  void anExecFormNestedThousandsDeepIsShellFormAsForGosDecoder() throws Exception {
    Instruction deep =
        DockerfileParser.parse("FROM base\nRUN " + "[".repeat(20_000), "Dockerfile")
            .instructions()
            .get(1);
    Dockerfile unterminated =
        DockerfileParser.parse("FROM base\nRUN " + "[".repeat(9_999), "Dockerfile");

    assertThat(deep.isExecForm()).isFalse();
    assertThat(unterminated.instructions().get(1).isExecForm()).isFalse();
    assertThat(unterminated.warnings())
        .singleElement()
        .asString()
        .startsWith("Exec form of RUN is not valid JSON: '[[[")
        .endsWith(
            "' at Dockerfile:2; Docker runs it as shell form, write [\"executable\", \"param\"]"
                + " with double quotes and a closing ']'");
  }

  @Test
  void anExecFormNestedToGosLimitHoldsMoreThanStrings() {
    String nested = "[\"a\", " + "[".repeat(9_998) + "]".repeat(9_998) + "]";

    assertThatThrownBy(() -> DockerfileParser.parse("FROM base\nCMD " + nested, "Dockerfile"))
        .hasMessage(
            "JSON array of CMD holds more than strings: '"
                + nested
                + "' at Dockerfile:2; quote every element, e.g. [\"java\", \"-jar\", \"app.jar\"]");
  }

  @Test
  void aLineBreakAfterAVariableNameInAHeredocIsNamedOnTheErrorsOneLine() {
    assertThatThrownBy(() -> resolve("FROM base\nCOPY <<EOF /dst\n${A\nEOF\n"))
        .hasMessage(
            "Unsupported modifier '\\n' in variable substitution in COPY: '<<EOF' at"
                + " Dockerfile:2; "
                + ShellLexer.MODIFIERS);
  }
}
