package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.dockerfile.ShellLexer.SubstitutionException;
import org.junit.jupiter.api.Test;

class ParameterModifiersTest {

  @Test
  void aDefaultReplacesAnUnsetValueAndWithTheColonAnEmptyOne() throws Exception {
    assertThat(ParameterModifiers.apply("NAME", '-', "fallback", null, false))
        .isEqualTo("fallback");
    assertThat(ParameterModifiers.apply("NAME", '-', "fallback", "", false)).isEmpty();
    assertThat(ParameterModifiers.apply("NAME", '-', "fallback", "", true)).isEqualTo("fallback");
    assertThat(ParameterModifiers.apply("NAME", '-', "fallback", "set", true)).isEqualTo("set");
  }

  @Test
  void anAlternativeAppearsOnlyForASetValue() throws Exception {
    assertThat(ParameterModifiers.apply("NAME", '+', "other", "set", false)).isEqualTo("other");
    assertThat(ParameterModifiers.apply("NAME", '+', "other", null, false)).isEmpty();
    assertThat(ParameterModifiers.apply("NAME", '+', "other", "", true)).isEmpty();
  }

  @Test
  void aRequiredValueThatIsMissingSaysHowToSetIt() {
    assertThatThrownBy(() -> ParameterModifiers.apply("VERSION", '?', "", null, false))
        .isInstanceOf(SubstitutionException.class)
        .hasMessage(
            "Variable VERSION is not set; set VERSION with ARG or ENV, or pass it as a build"
                + " argument");
    assertThatThrownBy(() -> ParameterModifiers.apply("VERSION", '?', "", "", true))
        .hasMessage(
            "Variable VERSION is empty; set VERSION with ARG or ENV, or pass it as a build"
                + " argument");
    assertThatThrownBy(() -> ParameterModifiers.apply("VERSION", '?', "the release", null, true))
        .hasMessage(
            "Variable VERSION is required (the release); set VERSION with ARG or ENV, or pass it"
                + " as a build argument");
  }

  @Test
  void aRequiredValueThatIsSetIsKept() throws Exception {
    assertThat(ParameterModifiers.apply("VERSION", '?', "", "1.0", true)).isEqualTo("1.0");
    assertThat(ParameterModifiers.apply("VERSION", '?', "", "", false)).isEmpty();
  }

  @Test
  void prefixAndSuffixTrimsAreShortestOnceAndLongestDoubled() throws Exception {
    assertThat(ParameterModifiers.apply("P", '#', "*/", "a/b/c", false)).isEqualTo("b/c");
    assertThat(ParameterModifiers.apply("P", '#', "#*/", "a/b/c", false)).isEqualTo("c");
    assertThat(ParameterModifiers.apply("P", '%', "/*", "a/b/c", false)).isEqualTo("a/b");
    assertThat(ParameterModifiers.apply("P", '%', "%/*", "a/b/c", false)).isEqualTo("a");
    assertThat(ParameterModifiers.apply("P", '#', "x", null, false)).isEmpty();
  }

  @Test
  void aReplacementIsLiteralAndAppliesOnceOrEverywhere() throws Exception {
    assertThat(ParameterModifiers.replace("a-b-c", "-", "$1", false)).isEqualTo("a$1b-c");
    assertThat(ParameterModifiers.replace("a-b-c", "-", "+", true)).isEqualTo("a+b+c");
    assertThat(ParameterModifiers.replace(null, "-", "+", true)).isEmpty();
  }

  @Test
  void anUnsupportedModifierIsShownOnOneLineWithTheModifiersThereAre() {
    assertThat(ParameterModifiers.unsupported(":\n"))
        .hasMessage(
            "Unsupported modifier ':\\n' in variable substitution; " + ShellLexer.MODIFIERS);
    assertThat(ParameterModifiers.visible("a\tb\u0001")).isEqualTo("a\\tb\\u0001");
  }
}
