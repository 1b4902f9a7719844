package dev.dockyard.context;

/**
 * The syntax check Docker runs on every {@code .dockerignore} pattern before using it: Go's {@code
 * filepath.Match} on Unix, which rejects a trailing {@code \} and a character class that is
 * unterminated, empty, or has a {@code -} that is not between two characters.
 */
final class GoGlobSyntax {

  private static final String UNCLOSED =
      "'[' opens a character class that is never closed; close it with ']', or write '\\[' for a"
          + " literal '['";
  private static final String EMPTY =
      "a character class needs a character before its ']'; write '\\]' to put a ']' in the class"
          + " and '\\[' for a literal '['";
  private static final String RANGE_END =
      "the range has no character after its '-'; write '\\-' for a literal '-'";
  private static final String DASH =
      "a '-' in a character class must stand between two characters, as in '[a-z]'; write '\\-'"
          + " for a literal '-'";

  private GoGlobSyntax() {}

  /** Throws when {@code filepath.Match} would report {@code ErrBadPattern} for the pattern. */
  static void check(String pattern) throws MalformedPatternException {
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 >= pattern.length()) {
          throw new MalformedPatternException(
              "a '\\' at the end escapes nothing; remove it, or write '\\\\' for a literal"
                  + " backslash");
        }
        i += 1 + Character.charCount(pattern.codePointAt(i + 1));
      } else if (c == '[') {
        i = afterClass(pattern, i + 1);
      } else {
        i++;
      }
    }
  }

  /** Checks the class whose body starts at {@code start}; returns the index after its ']'. */
  private static int afterClass(String pattern, int start) throws MalformedPatternException {
    int i = start;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    int ranges = 0;
    while (true) {
      if (i < pattern.length() && pattern.charAt(i) == ']' && ranges > 0) {
        return i + 1;
      }
      i = afterClassChar(pattern, i, EMPTY);
      if (pattern.charAt(i) == '-') {
        i = afterClassChar(pattern, i + 1, RANGE_END);
      }
      ranges++;
    }
  }

  /**
   * Go's {@code getEsc}: one class character, possibly escaped, that must be followed by more of
   * the pattern; returns the index after it.
   */
  private static int afterClassChar(String pattern, int at, String closedTooEarly)
      throws MalformedPatternException {
    if (at >= pattern.length()) {
      throw new MalformedPatternException(UNCLOSED);
    }
    char c = pattern.charAt(at);
    if (c == '-') {
      throw new MalformedPatternException(DASH);
    }
    if (c == ']') {
      throw new MalformedPatternException(closedTooEarly);
    }
    int i = at;
    if (c == '\\') {
      i++;
      if (i >= pattern.length()) {
        throw new MalformedPatternException(UNCLOSED);
      }
    }
    i += Character.charCount(pattern.codePointAt(i));
    if (i >= pattern.length()) {
      throw new MalformedPatternException(UNCLOSED);
    }
    return i;
  }
}
