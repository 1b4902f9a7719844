package dev.dockyard.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shell patterns of {@code ${NAME#pattern}}, {@code ${NAME%pattern}} and {@code
 * ${NAME/pattern/replacement}}: {@code *}, {@code ?} and backslash escapes, no bracket expressions,
 * matched by code point as BuildKit matches runes.
 */
final class ShellPattern {

  private ShellPattern() {}

  /** The pattern as a regular expression; {@code greedy} makes {@code *} match the longest run. */
  static Pattern compile(String pattern, boolean greedy, boolean anchored)
      throws ShellLexer.SubstitutionException {
    StringBuilder regex = new StringBuilder(anchored ? "^" : "");
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      switch (cp) {
        case '*' -> regex.append(greedy ? ".*" : ".*?");
        case '?' -> regex.append('.');
        case '\\' -> {
          int following = i + 1 < cps.length ? cps[i + 1] : -1;
          // '}' and '/' are escaped only to get them past ${...}; they are literal here
          if (following == '}' || following == '/') {
            continue;
          }
          if (following != '*' && following != '?' && following != '\\') {
            throw invalid(pattern);
          }
          regex.append('\\').appendCodePoint(following);
          i++;
        }
        case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' ->
            regex.append('\\').appendCodePoint(cp);
        default -> regex.appendCodePoint(cp);
      }
    }
    try {
      return Pattern.compile(regex.toString());
    } catch (PatternSyntaxException e) {
      throw invalid(pattern);
    }
  }

  /** {@code ${NAME#pattern}} ({@code greedy}: {@code ##}): the value without the matched prefix. */
  static String trimPrefix(String pattern, String value, boolean greedy)
      throws ShellLexer.SubstitutionException {
    Matcher matcher = compile(pattern, greedy, true).matcher(value);
    return matcher.find() ? value.substring(matcher.end()) : value;
  }

  /**
   * {@code ${NAME%pattern}} ({@code greedy}: {@code %%}): regular expressions find leftmost
   * matches, so value and pattern are both reversed, as BuildKit does.
   */
  static String trimSuffix(String pattern, String value, boolean greedy)
      throws ShellLexer.SubstitutionException {
    return reverse(trimPrefix(reversePattern(pattern), reverse(value), greedy));
  }

  /** Reverses a pattern by code point but keeps each escape before the character it escapes. */
  static String reversePattern(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int last = cps.length - 1;
    int i = 0;
    while (i <= last) {
      int at = last - i;
      if (cps[i] == '\\' && i != last) {
        out[at - 1] = cps[i];
        out[at] = cps[i + 1];
        i += 2;
      } else {
        out[at] = cps[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /** Reverses by code point: a character outside the BMP stays one character. */
  static String reverse(String text) {
    int[] cps = text.codePoints().toArray();
    int[] out = new int[cps.length];
    for (int i = 0; i < cps.length; i++) {
      out[cps.length - 1 - i] = cps[i];
    }
    return new String(out, 0, out.length);
  }

  private static ShellLexer.SubstitutionException invalid(String pattern) {
    return new ShellLexer.SubstitutionException(
        "Invalid pattern '" + pattern + "' in variable substitution",
        "escape only *, ? and \\ in a pattern");
  }
}
