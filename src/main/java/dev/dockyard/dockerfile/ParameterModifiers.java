package dev.dockyard.dockerfile;

import dev.dockyard.dockerfile.ShellLexer.SubstitutionException;
import java.util.regex.Matcher;

/**
 * What BuildKit's {@code ${NAME<modifier>word}} forms yield once the lexer has read the name and
 * the word: defaults, alternatives, required values, prefix and suffix trims, replacements; and the
 * message for a modifier BuildKit does not know.
 */
final class ParameterModifiers {

  private ParameterModifiers() {}

  /**
   * The value of {@code ${NAME-word}}, {@code ${NAME+word}}, {@code ${NAME?word}}, {@code
   * ${NAME#word}} or {@code ${NAME%word}}, and of their {@code :} forms.
   *
   * @param ch the modifier's character: {@code - + ? #} or {@code %}
   * @param word the word after the modifier, substituted
   * @param value the variable's value, or null when it is not set
   * @param nullIsUnset whether an empty value counts as unset, as in the {@code :} forms
   */
  static String apply(String name, int ch, String word, String value, boolean nullIsUnset)
      throws SubstitutionException {
    boolean unset = value == null || (nullIsUnset && value.isEmpty());
    switch (ch) {
      case '-':
        return unset ? word : value;
      case '+':
        return unset ? "" : word;
      case '?':
        if (value == null) {
          throw required(name, word.isEmpty() ? "is not set" : "is required (" + word + ")");
        }
        if (nullIsUnset && value.isEmpty()) {
          throw required(name, word.isEmpty() ? "is empty" : "is required (" + word + ")");
        }
        return value;
      default:
        boolean greedy = !word.isEmpty() && word.codePointAt(0) == ch;
        String pattern = greedy ? word.substring(1) : word;
        String subject = value == null ? "" : value;
        return ch == '#'
            ? ShellPattern.trimPrefix(pattern, subject, greedy)
            : ShellPattern.trimSuffix(pattern, subject, greedy);
    }
  }

  /**
   * The value of {@code ${NAME/pattern/replacement}}, or of {@code ${NAME//pattern/replacement}}
   * when {@code all}; the replacement is literal.
   */
  static String replace(String value, String pattern, String replacement, boolean all)
      throws SubstitutionException {
    Matcher matcher =
        ShellPattern.compile(pattern, true, false).matcher(value == null ? "" : value);
    String literal = Matcher.quoteReplacement(replacement);
    return all ? matcher.replaceAll(literal) : matcher.replaceFirst(literal);
  }

  /** The error for a modifier BuildKit does not know, listing the ones it does. */
  static SubstitutionException unsupported(String modifier) {
    return new SubstitutionException(
        "Unsupported modifier '" + visible(modifier) + "' in variable substitution",
        ShellLexer.MODIFIERS);
  }

  /** The text with control characters written as escapes, so that an error stays one line. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (cp < 0x20 || cp == 0x7F) {
                    out.append(String.format("\\u%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.toString();
  }

  private static SubstitutionException required(String name, String problem) {
    return new SubstitutionException(
        "Variable " + name + " " + problem,
        "set " + name + " with ARG or ENV, or pass it as a build argument");
  }
}
