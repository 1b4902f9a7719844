package dev.dockyard.context;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the regular expression Docker builds from a {@code .dockerignore} pattern the way Go's
 * {@code regexp} (RE2, Perl flags) reads it, and writes the same language for {@code
 * java.util.regex}. The two syntaxes differ where Docker's expressions reach: RE2 takes {@code [}
 * inside a class literally, knows {@code [:alpha:]}, has ASCII-only {@code \b}, {@code \s} without
 * vertical tab, and a {@code $} that only matches at the very end. Every literal is written as
 * {@code \x{...}}, so no character means more to Java than it meant to RE2.
 */
final class Re2Translation {

  private static final String WORD = "0-9A-Za-z_";
  private static final Map<Character, String> PERL =
      Map.of('d', "0-9", 's', "\\t\\n\\f\\r ", 'w', WORD);
  private static final Map<String, String> POSIX =
      Map.ofEntries(
          Map.entry("alnum", "0-9A-Za-z"),
          Map.entry("alpha", "A-Za-z"),
          Map.entry("ascii", "\\x00-\\x7F"),
          Map.entry("blank", "\\t "),
          Map.entry("cntrl", "\\x00-\\x1F\\x7F"),
          Map.entry("digit", "0-9"),
          Map.entry("graph", "!-~"),
          Map.entry("lower", "a-z"),
          Map.entry("print", " -~"),
          Map.entry("punct", "!-/:-@\\[-`{-~"),
          Map.entry("space", "\\t\\n\\x0B\\f\\r "),
          Map.entry("upper", "A-Z"),
          Map.entry("word", WORD),
          Map.entry("xdigit", "0-9A-Fa-f"));
  // Go's one-letter Unicode categories; its C leaves out unassigned code points, Java's does not
  private static final Map<Character, String> CATEGORIES =
      Map.of(
          'C', "\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}",
          'L', "\\p{L}",
          'M', "\\p{M}",
          'N', "\\p{N}",
          'P', "\\p{P}",
          'S', "\\p{S}",
          'Z', "\\p{Z}");
  private static final String BOUNDARY =
      "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))";
  private static final String NO_BOUNDARY =
      "(?:(?<=[" + WORD + "])(?=[" + WORD + "])|(?<![" + WORD + "])(?![" + WORD + "]))";

  private final String re;
  private final StringBuilder out = new StringBuilder();
  private int pos;

  private Re2Translation(String re) {
    this.re = re;
  }

  /** The Java pattern that matches exactly what RE2 would match with {@code re}. */
  static Pattern toJava(String re) throws MalformedPatternException {
    Re2Translation translation = new Re2Translation(re);
    translation.expression();
    try {
      // UNIX_LINES: '.' then excludes only '\n', as RE2's does
      return Pattern.compile(translation.out.toString(), Pattern.UNIX_LINES);
    } catch (PatternSyntaxException e) {
      throw new MalformedPatternException(
          "Docker cannot turn it into a regular expression (" + e.getDescription() + ")");
    }
  }

  private void expression() throws MalformedPatternException {
    while (pos < re.length()) {
      int c = re.codePointAt(pos);
      switch (c) {
        case '\\' -> escape();
        case '[' -> charClass();
        case '(' -> {
          out.append("(?:");
          pos++;
        }
        case ')', '*', '+', '?', '|', '.', '^' -> {
          out.append((char) c);
          pos++;
        }
        case '$' -> {
          out.append("\\z");
          pos++;
        }
        default -> {
          literal(c);
          pos += Character.charCount(c);
        }
      }
    }
  }

  private void escape() throws MalformedPatternException {
    char next = pos + 1 < re.length() ? re.charAt(pos + 1) : 0;
    switch (next) {
      case 'A' -> out.append("\\A");
      case 'z' -> out.append("\\z");
      case 'b' -> out.append(BOUNDARY);
      case 'B' -> out.append(NO_BOUNDARY);
      case 'Q' -> {
        quoted();
        return;
      }
      case 'p', 'P' -> {
        out.append(next == 'p' ? "[" : "[^").append(unicodeCategory()).append(']');
        return;
      }
      case 'd', 'D', 's', 'S', 'w', 'W' -> {
        out.append(Character.isUpperCase(next) ? "[^" : "[")
            .append(PERL.get(Character.toLowerCase(next)))
            .append(']');
        pos += 2;
        return;
      }
      default -> {
        literal(escapedChar());
        return;
      }
    }
    pos += 2;
  }

  /** RE2's {@code \Q...\E}: everything up to {@code \E}, or to the end, is literal. */
  private void quoted() {
    int end = re.indexOf("\\E", pos + 2);
    String text = re.substring(pos + 2, end < 0 ? re.length() : end);
    text.codePoints().forEach(this::literal);
    pos = end < 0 ? re.length() : end + 2;
  }

  /** A {@code \pX} or {@code \PX} at {@code pos}; the Java class body of the category. */
  private String unicodeCategory() throws MalformedPatternException {
    if (pos + 2 >= re.length()) {
      throw invalidEscape(re.substring(pos));
    }
    int name = re.codePointAt(pos + 2);
    String body = name < 0x80 ? CATEGORIES.get((char) name) : null;
    if (body == null) {
      throw new MalformedPatternException(
          "Docker reads '"
              + re.substring(pos, pos + 2 + Character.charCount(name))
              + "' as a"
              + " Unicode class and knows no such one; write '\\\\' for a literal backslash");
    }
    pos += 2 + Character.charCount(name);
    return body;
  }

  /** RE2's {@code parseEscape}: one escaped character at {@code pos}. */
  private int escapedChar() throws MalformedPatternException {
    int start = pos;
    pos++;
    if (pos >= re.length()) {
      throw invalidEscape("\\");
    }
    int c = re.codePointAt(pos);
    pos += Character.charCount(c);
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      return c;
    }
    if (c >= '0' && c <= '7' && (c == '0' || isOctal(pos))) {
      int value = c - '0';
      for (int i = 1; i < 3 && isOctal(pos); i++) {
        value = value * 8 + re.charAt(pos++) - '0';
      }
      return value;
    }
    if (c == 'x' && pos + 1 < re.length()) {
      int high = Character.digit(re.charAt(pos), 16);
      int low = Character.digit(re.charAt(pos + 1), 16);
      if (high >= 0 && low >= 0) {
        pos += 2;
        return high * 16 + low;
      }
    }
    int control = "aftnrv".indexOf(c);
    if (control >= 0) {
      return "\u0007\f\t\n\r\u000B".charAt(control);
    }
    throw invalidEscape(re.substring(start, pos));
  }

  private boolean isOctal(int at) {
    return at < re.length() && re.charAt(at) >= '0' && re.charAt(at) <= '7';
  }

  private static MalformedPatternException invalidEscape(String escape) {
    return new MalformedPatternException(
        "Docker reads '"
            + escape
            + "' as a regular-expression escape, and there is no such escape; put '\\' only"
            + " before punctuation, or drop it");
  }

  /** RE2's {@code parseClass}, from the {@code [} at {@code pos} to its {@code ]}. */
  private void charClass() throws MalformedPatternException {
    int start = pos;
    pos++;
    StringBuilder body = new StringBuilder();
    boolean negated = pos < re.length() && re.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    boolean first = true;
    while (pos >= re.length() || re.charAt(pos) != ']' || first) {
      first = false;
      if (pos + 2 < re.length() && re.startsWith("[:", pos) && posixClass(body)) {
        continue;
      }
      if (re.startsWith("\\p", pos) || re.startsWith("\\P", pos)) {
        boolean positive = re.charAt(pos + 1) == 'p';
        String category = unicodeCategory();
        body.append(positive ? category : "[^" + category + "]");
        continue;
      }
      if (perlClass(body)) {
        continue;
      }
      int low = classChar(start);
      int high = low;
      if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
        pos++;
        high = classChar(start);
        if (high < low) {
          throw new MalformedPatternException(
              "the range '"
                  + Character.toString(low)
                  + "-"
                  + Character.toString(high)
                  + "' in its character class runs backwards; write the lower character first");
        }
      }
      body.append(hex(low));
      if (high != low) {
        body.append('-').append(hex(high));
      }
    }
    pos++;
    out.append(negated ? "[^" : "[").append(body).append(']');
  }

  /** RE2's {@code parseNamedClass}: {@code [:name:]} or {@code [:^name:]} at {@code pos}. */
  private boolean posixClass(StringBuilder body) throws MalformedPatternException {
    int end = re.indexOf(":]", pos + 2);
    if (end < 0) {
      return false;
    }
    String name = re.substring(pos + 2, end);
    boolean negated = name.startsWith("^");
    String ranges = POSIX.get(negated ? name.substring(1) : name);
    if (ranges == null) {
      throw new MalformedPatternException(
          "Docker reads '[:"
              + name
              + ":]' as a POSIX character class and knows no such one; use one of "
              + String.join(", ", new java.util.TreeSet<>(POSIX.keySet()))
              + ", or write '\\[' for a literal '['");
    }
    body.append(negated ? "[^" + ranges + "]" : ranges);
    pos = end + 2;
    return true;
  }

  private boolean perlClass(StringBuilder body) {
    if (pos + 1 >= re.length() || re.charAt(pos) != '\\') {
      return false;
    }
    char name = re.charAt(pos + 1);
    if ("dDsSwW".indexOf(name) < 0) {
      return false;
    }
    String ranges = PERL.get(Character.toLowerCase(name));
    body.append(Character.isUpperCase(name) ? "[^" + ranges + "]" : ranges);
    pos += 2;
    return true;
  }

  private int classChar(int classStart) throws MalformedPatternException {
    if (pos >= re.length()) {
      throw new MalformedPatternException(
          "Docker's regular expression for it leaves the class '"
              + re.substring(classStart)
              + "' unclosed; escape the '[' as '\\['");
    }
    if (re.charAt(pos) == '\\') {
      return escapedChar();
    }
    int c = re.codePointAt(pos);
    pos += Character.charCount(c);
    return c;
  }

  private void literal(int c) {
    out.append(hex(c));
  }

  private static String hex(int c) {
    return "\\x{" + Integer.toHexString(c) + "}";
  }
}
