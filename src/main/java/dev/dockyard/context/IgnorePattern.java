package dev.dockyard.context;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One cleaned {@code .dockerignore} pattern, compiled as Docker's pattern matcher compiles it: a
 * pattern without wildcards is compared as it is, one ending in {@code **} (and otherwise plain) is
 * a prefix, one starting with {@code **} (and otherwise plain) is a suffix, and anything else
 * becomes a regular expression in which {@code *} and {@code ?} never cross a {@code /}, {@code **}
 * matches any number of directories, {@code [...]} is a character class and {@code \} escapes the
 * character after it. The expression is Go's regular-expression syntax, and RE2/J (Go's {@code
 * regexp} ported to Java) compiles and runs it: the same language, and linear time however many
 * wildcards a pattern holds.
 */
final class IgnorePattern {

  /** How Docker compares a path with the pattern. */
  enum Kind {
    EXACT,
    PREFIX,
    SUFFIX,
    REGEX
  }

  // regular-expression characters that mean nothing in a glob, so Docker escapes them
  private static final String ESCAPED = ".+()|{}$";

  private final String cleaned;
  private final boolean exception;
  private final Kind kind;
  private final String expression;
  private final Pattern regex;

  private IgnorePattern(
      String cleaned, boolean exception, Kind kind, String expression, Pattern regex) {
    this.cleaned = cleaned;
    this.exception = exception;
    this.kind = kind;
    this.expression = expression;
    this.regex = regex;
  }

  /**
   * Compiles a pattern already cleaned the way Docker cleans {@code .dockerignore} lines.
   *
   * @param exception whether the line started with {@code !} (it re-includes what it matches)
   * @throws MalformedPatternException when Docker would refuse the pattern
   */
  static IgnorePattern compile(String cleaned, boolean exception) throws MalformedPatternException {
    GoGlobSyntax.check(cleaned);
    StringBuilder expression = new StringBuilder("^");
    Kind kind = Kind.EXACT;
    int[] chars = cleaned.codePoints().toArray();
    int next = 0;
    for (int step = 0; next < chars.length; step++) {
      int c = chars[next++];
      if (c == '*' && next < chars.length && chars[next] == '*') {
        next++;
        // "**/" is read as "**"
        if (next < chars.length && chars[next] == '/') {
          next++;
        }
        if (next < chars.length) {
          expression.append("(.*/)?");
          kind = Kind.REGEX;
        } else if (kind == Kind.EXACT) {
          kind = Kind.PREFIX;
        } else {
          expression.append(".*");
          kind = Kind.REGEX;
        }
        if (step == 0) {
          kind = Kind.SUFFIX;
        }
      } else if (c == '*' || c == '?') {
        expression.append(c == '*' ? "[^/]*" : "[^/]");
        kind = Kind.REGEX;
      } else if (ESCAPED.indexOf(c) >= 0) {
        expression.append('\\').appendCodePoint(c);
      } else if (c == '\\' && next < chars.length) {
        expression.append('\\').appendCodePoint(chars[next++]);
        kind = Kind.REGEX;
      } else if (c == '[' || c == ']') {
        expression.append((char) c);
        kind = Kind.REGEX;
      } else {
        expression.appendCodePoint(c);
      }
    }
    if (kind != Kind.REGEX) {
      return new IgnorePattern(cleaned, exception, kind, null, null);
    }
    expression.append('$');
    String re2 = expression.toString();
    return new IgnorePattern(cleaned, exception, kind, re2, compileGo(re2));
  }

  private static final String POSIX_CLASSES =
      "alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, word,"
          + " xdigit";

  /** Compiles as Go's {@code regexp.Compile} does, its refusals said in the user's terms. */
  private static Pattern compileGo(String re2) throws MalformedPatternException {
    try {
      return Pattern.compile(re2);
    } catch (PatternSyntaxException e) {
      String part = e.getPattern();
      String problem =
          switch (e.getDescription()) {
            case "invalid escape sequence" ->
                "Docker reads '"
                    + part
                    + "' as a regular-expression escape, and there is no such escape; put '\\'"
                    + " only before punctuation, or drop it";
            case "invalid character class range" -> classRange(part);
            case "missing closing ]" ->
                "Docker's regular expression for it leaves the class '"
                    + part
                    + "' unclosed; escape the '[' as '\\['";
            default ->
                "Docker cannot turn it into a regular expression ("
                    + e.getDescription()
                    + ": '"
                    + part
                    + "')";
          };
      throw new MalformedPatternException(problem);
    }
  }

  private static String classRange(String part) {
    if (part.startsWith("[:")) {
      return "Docker reads '"
          + part
          + "' as a POSIX character class and knows no such one; use one of "
          + POSIX_CLASSES
          + ", or write '\\[' for a literal '['";
    }
    if (part.startsWith("\\p") || part.startsWith("\\P")) {
      return "Docker reads '"
          + part
          + "' as a Unicode class and knows no such one; write '\\\\' for a literal backslash";
    }
    return "the range '"
        + part
        + "' in its character class runs backwards; write the lower character first";
  }

  /** Whether the {@code /}-separated, context-relative path matches this pattern by itself. */
  boolean matches(String path) {
    return switch (kind) {
      case EXACT -> path.equals(cleaned);
      case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
      case SUFFIX -> {
        String suffix = cleaned.substring(2);
        // "**/foo" also matches "foo" at the top
        yield path.endsWith(suffix) || suffix.startsWith("/") && path.equals(suffix.substring(1));
      }
      case REGEX -> regex.matcher(path).find();
    };
  }

  /** Whether the line started with {@code !}. */
  boolean exception() {
    return exception;
  }

  Kind kind() {
    return kind;
  }

  /** The regular expression in Go's syntax, as Docker builds it; null unless {@link Kind#REGEX}. */
  String expression() {
    return expression;
  }
}
