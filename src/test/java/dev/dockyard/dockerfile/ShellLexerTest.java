package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellLexerTest {

  private static final Map<String, String> ENV =
      Map.of(
          "NAME",
          "app",
          "EMPTY",
          "",
          "PATH",
          "/usr/bin:/bin",
          "FILE",
          "archive.tar.gz",
          "SMILE",
          "\uD83D\uDE00ab\uD83D\uDE00",
          "\uD835\uDC00",
          "bold");

  private static String word(String text) throws Exception {
    return new ShellLexer('\\', ENV::get).word(text);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "$NAME|app",
        "${NAME}|app",
        "pre-${NAME}-post|pre-app-post",
        "$NAME.jar|app.jar",
        "$UNDEFINED|~~",
        "a${UNDEFINED}b|ab",
        "${UNDEFINED:-fallback}|fallback",
        "${EMPTY:-fallback}|fallback",
        "${EMPTY-fallback}|~~",
        "${UNDEFINED-fallback}|fallback",
        "${NAME:-fallback}|app",
        "${NAME:+set}|set",
        "${EMPTY:+set}|~~",
        "${EMPTY+set}|set",
        "${UNDEFINED+set}|~~",
        "${UNDEFINED:-$NAME}|app",
        "${UNDEFINED:-${NAME}-x}|app-x",
        "\\$NAME|$NAME",
        "'$NAME'|$NAME",
        "\"$NAME\"|app",
        "\"a  b\"|a  b",
        "'a  b'|a  b",
        "a\\ b|a b",
        "\"\\$NAME\"|$NAME",
        "\"\\a\"|\\a",
        "'\\n'|\\n",
        "$|$",
        "a$/b|a$/b",
        "$1|~~",
        "${FILE%.gz}|archive.tar",
        "${FILE%.*}|archive.tar",
        "${FILE%%.*}|archive",
        "${FILE#*.}|tar.gz",
        "${FILE##*.}|gz",
        "${SMILE#?}|ab\uD83D\uDE00",
        "${SMILE%\uD83D\uDE00}|\uD83D\uDE00ab",
        "${SMILE%b\uD83D\uDE00}|\uD83D\uDE00a",
        "${SMILE#\uD83D\uDE00?}|b\uD83D\uDE00",
        "x$\uD835\uDC00|xbold",
        "${SMILE%?}|\uD83D\uDE00ab",
        "${SMILE#?a}|b\uD83D\uDE00",
        "${SMILE%b?}|\uD83D\uDE00a",
        "${SMILE%%*a?\uD83D\uDE00}|~~",
        "${SMILE%*a?\uD83D\uDE00}|\uD83D\uDE00",
        "${SMILE/?b/x}|\uD83D\uDE00x\uD83D\uDE00",
        "${SMILE//\uD83D\uDE00/:}|:ab:",
        "${PATH/bin/sbin}|/usr/sbin:/bin",
        "${PATH//bin/sbin}|/usr/sbin:/sbin",
        "${PATH:?}|/usr/bin:/bin",
        "trailing\\|trailing",
      })
  void substitutesLikeDockersShellLexer(String input, String expected) throws Exception {
    assertThat(word(input)).isEqualTo(expected);
  }

  @Test
  void backtickEscapeMakesBackslashLiteral() throws Exception {
    ShellLexer lexer = new ShellLexer('`', ENV::get);
    assertThat(lexer.word("C:\\app\\$NAME")).isEqualTo("C:\\app\\app");
    assertThat(lexer.word("`$NAME")).isEqualTo("$NAME");
  }

  @Test
  void wordsSplitsSubstitutedValuesButNotQuotedOnes() throws Exception {
    ShellLexer lexer = new ShellLexer('\\', Map.of("PORTS", "80 443/udp")::get);
    assertThat(lexer.words("$PORTS")).containsExactly("80", "443/udp");
    assertThat(lexer.words("\"$PORTS\"")).containsExactly("80 443/udp");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "${NAME|Unterminated variable substitution; close '${' with '}'",
        "${|Unterminated variable substitution; close '${' with '}'",
        "${}|Bad variable substitution; put a variable name inside ${}, e.g. ${NAME}",
        "${:-x}|Bad variable substitution; put a variable name inside ${}, e.g. ${NAME}",
        "'open|Unterminated single quote; close the quote with '",
        "\"open|Unterminated double quote; close the quote with \"",
        "${UNDEFINED:?}|Variable UNDEFINED is not set; set UNDEFINED with ARG or ENV, or pass it"
            + " as a build argument",
        "${EMPTY:?}|Variable EMPTY is empty; set EMPTY with ARG or ENV, or pass it as a build"
            + " argument",
        "${UNDEFINED?need it}|Variable UNDEFINED is required (need it); set UNDEFINED with ARG or"
            + " ENV, or pass it as a build argument",
        "${NAME=x}|Unsupported modifier '=' in variable substitution; " + ShellLexer.MODIFIERS,
        "${NAME:=x}|Unsupported modifier ':=' in variable substitution; " + ShellLexer.MODIFIERS,
        "${NAME:#x}|Unsupported modifier ':#' in variable substitution; " + ShellLexer.MODIFIERS,
        "${NAME:%x}|Unsupported modifier ':%' in variable substitution; " + ShellLexer.MODIFIERS,
        "${NAME:/x/y}|Unsupported modifier ':/' in variable substitution; " + ShellLexer.MODIFIERS,
        "${NAME^x}|Unsupported modifier '^' in variable substitution; " + ShellLexer.MODIFIERS,
        "${FILE#\\x}|Invalid pattern '\\x' in variable substitution; escape only *, ? and \\"
            + " in a pattern",
        "${NAME/x|Missing '/' in variable substitution; write ${NAME/pattern/replacement}",
      })
  void rejectsWhatDockerRejects(String input, String message) {
    assertThatThrownBy(() -> word(input))
        .isInstanceOf(ShellLexer.SubstitutionException.class)
        .hasMessage(message);
  }

  @Test
  void asksForEachVariableOnlyWhenItIsUsed() throws Exception {
    List<String> asked = new java.util.ArrayList<>();
    ShellLexer lexer =
        new ShellLexer(
            '\\',
            name -> {
              asked.add(name);
              return null;
            });
    lexer.word("'$A' \\$B $C ${D:-x}");
    assertThat(asked).containsExactly("C", "D");
  }
}
