package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's shell lexer for Dockerfile words: quotes, the escape character and {@code $VAR} / {@code
 * ${VAR...}} substitution, with the same rules and modifiers as BuildKit.
 */
final class ShellLexer {

  /** A word Docker would refuse to substitute; {@code fix} tells the user what to change. */
  static final class SubstitutionException extends Exception {
    private final String what;
    private final String fix;

    SubstitutionException(String what, String fix) {
      super(what + "; " + fix);
      this.what = what;
      this.fix = fix;
    }

    String what() {
      return what;
    }

    String fix() {
      return fix;
    }
  }

  private static final int EOF = -1;
  private static final String MODIFIERS =
      "use ${NAME}, ${NAME:-default}, ${NAME:+alternative}, ${NAME:?message}, ${NAME#prefix},"
          + " ${NAME%suffix} or ${NAME/pattern/replacement}";

  private final char escape;
  private final Function<String, String> env;
  private String source;
  private int pos;
  private boolean rawEscapes;

  /**
   * A lexer for one Dockerfile.
   *
   * @param escape the Dockerfile's escape character
   * @param env looks a variable up: its value, or null when it is not set
   */
  ShellLexer(char escape, Function<String, String> env) {
    this.escape = escape;
    this.env = env;
  }

  /** The word with quotes removed and variables substituted; spaces are kept. */
  String word(String word) throws SubstitutionException {
    return process(word).text;
  }

  /** The word substituted, then split on unquoted whitespace (EXPOSE does this). */
  List<String> words(String word) throws SubstitutionException {
    return process(word).words.done();
  }

  private record Processed(String text, Words words) {}

  private Processed process(String word) throws SubstitutionException {
    source = word;
    pos = 0;
    rawEscapes = false;
    return processStopOn(EOF, false);
  }

  /** Splits text into words on unquoted whitespace, as the shell would after substitution. */
  private static final class Words {
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    void addChar(char ch) {
      if (Character.isWhitespace(ch)) {
        if (inWord && word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        addRawChar(ch);
      }
    }

    void addRawChar(char ch) {
      word.append(ch);
      inWord = true;
    }

    void addString(String text) {
      for (int i = 0; i < text.length(); i++) {
        addChar(text.charAt(i));
      }
    }

    void addRawString(String text) {
      word.append(text);
      inWord = true;
    }

    List<String> done() {
      if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
      return words;
    }
  }

  private int peek() {
    return pos < source.length() ? source.charAt(pos) : EOF;
  }

  private int next() {
    return pos < source.length() ? source.charAt(pos++) : EOF;
  }

  private Processed processStopOn(int stop, boolean raw) throws SubstitutionException {
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          pos++;
          return new Processed(result.toString(), words);
        }
        if (ch == '$') {
          String value = processDollar();
          result.append(value);
          words.addString(value);
        } else if (ch == '\'') {
          String value = processSingleQuote();
          result.append(value);
          words.addRawString(value);
        } else if (ch == '"') {
          String value = processDoubleQuote();
          result.append(value);
          words.addRawString(value);
        } else {
          char c = (char) next();
          if (c == escape) {
            if (rawEscapes) {
              words.addRawChar(c);
              result.append(c);
            }
            // an escape at the very end of the word is dropped
            if (peek() == EOF) {
              break;
            }
            c = (char) next();
            words.addRawChar(c);
          } else {
            words.addChar(c);
          }
          result.append(c);
        }
      }
      if (stop != EOF) {
        throw new SubstitutionException(
            "Unterminated variable substitution", "close it with '" + (char) stop + "'");
      }
      return new Processed(result.toString(), words);
    } finally {
      rawEscapes = saved;
    }
  }

  private String processSingleQuote() throws SubstitutionException {
    pos++;
    StringBuilder result = new StringBuilder();
    while (true) {
      int ch = next();
      if (ch == EOF) {
        throw new SubstitutionException("Unterminated single quote", "close the quote with '");
      }
      if (ch == '\'') {
        return result.toString();
      }
      result.append((char) ch);
    }
  }

  private String processDoubleQuote() throws SubstitutionException {
    pos++;
    StringBuilder result = new StringBuilder();
    while (true) {
      int ch = peek();
      if (ch == EOF) {
        throw new SubstitutionException("Unterminated double quote", "close the quote with \"");
      }
      if (ch == '"') {
        pos++;
        return result.toString();
      }
      if (ch == '$') {
        result.append(processDollar());
        continue;
      }
      char c = (char) next();
      if (c == escape) {
        if (rawEscapes) {
          result.append(c);
        }
        int following = peek();
        if (following == EOF) {
          continue;
        }
        // inside double quotes only ", $ and the escape itself can be escaped
        if (following == '"' || following == '$' || following == escape) {
          c = (char) next();
        }
      }
      result.append(c);
    }
  }

  private String processDollar() throws SubstitutionException {
    pos++;
    if (peek() != '{') {
      String name = processName();
      if (name.isEmpty()) {
        return "$";
      }
      String value = env.apply(name);
      return value == null ? "" : value;
    }
    pos++;
    int first = peek();
    if (first == EOF) {
      throw missingBrace();
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new SubstitutionException(
          "Bad variable substitution", "put a variable name inside ${}, e.g. ${NAME}");
    }
    String name = processName();
    int ch = next();
    if (ch == EOF) {
      throw missingBrace();
    }
    String modifier = String.valueOf((char) ch);
    boolean nullIsUnset = false;
    switch (ch) {
      case '}':
        return orEmpty(env.apply(name));
      case ':':
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        if (ch == ':') {
          nullIsUnset = true;
          ch = next();
          if (ch == EOF) {
            throw missingBrace();
          }
          modifier += (char) ch;
        }
        return modify(name, (char) ch, modifier, nullIsUnset);
      case '/':
        return replace(name);
      default:
        throw unsupported(modifier);
    }
  }

  private String modify(String name, char ch, String modifier, boolean nullIsUnset)
      throws SubstitutionException {
    String word = wordUntil('}', ch == '#' || ch == '%');
    String value = env.apply(name);
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
      case '#':
      case '%':
        boolean greedy = !word.isEmpty() && word.charAt(0) == ch;
        String pattern = greedy ? word.substring(1) : word;
        String subject = orEmpty(value);
        return ch == '#'
            ? trimPrefix(pattern, subject, greedy)
            : reverse(trimPrefix(reversePattern(pattern), reverse(subject), greedy));
      default:
        throw unsupported(modifier);
    }
  }

  private String replace(String name) throws SubstitutionException {
    boolean all = peek() == '/';
    if (all) {
      pos++;
    }
    String pattern;
    try {
      pattern = processStopOn('/', true).text;
    } catch (SubstitutionException e) {
      if (peek() == EOF) {
        throw new SubstitutionException(
            "Missing '/' in variable substitution", "write ${NAME/pattern/replacement}");
      }
      throw e;
    }
    String replacement = wordUntil('}', true);
    String value = orEmpty(env.apply(name));
    Matcher matcher = shellPattern(pattern, true, false).matcher(value);
    String literal = Matcher.quoteReplacement(replacement);
    return all ? matcher.replaceAll(literal) : matcher.replaceFirst(literal);
  }

  private String wordUntil(char stop, boolean raw) throws SubstitutionException {
    try {
      return processStopOn(stop, raw).text;
    } catch (SubstitutionException e) {
      if (peek() == EOF) {
        throw missingBrace();
      }
      throw e;
    }
  }

  private String processName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      char ch = (char) peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit((char) peek())) {
          name.append((char) next());
        }
        return name.toString();
      }
      if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
        pos++;
        return String.valueOf(ch);
      }
      if (!Character.isLetterOrDigit(ch) && ch != '_') {
        break;
      }
      name.append((char) next());
    }
    return name.toString();
  }

  private static String trimPrefix(String pattern, String value, boolean greedy)
      throws SubstitutionException {
    Matcher matcher = shellPattern(pattern, greedy, true).matcher(value);
    return matcher.find() ? value.substring(matcher.end()) : value;
  }

  /** A shell pattern ({@code *}, {@code ?}, backslash escapes) as a regular expression. */
  private static Pattern shellPattern(String pattern, boolean greedy, boolean anchored)
      throws SubstitutionException {
    StringBuilder regex = new StringBuilder(anchored ? "^" : "");
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      switch (ch) {
        case '*' -> regex.append(greedy ? ".*" : ".*?");
        case '?' -> regex.append('.');
        case '\\' -> {
          char following = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
          // '}' and '/' are escaped only to get them past ${...}; they are literal here
          if (following == '}' || following == '/') {
            continue;
          }
          if (following != '*' && following != '?' && following != '\\') {
            throw new SubstitutionException(
                "Invalid escape in substitution pattern", "escape only *, ? and \\ in a pattern");
          }
          regex.append('\\').append(following);
          i++;
        }
        case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> regex.append('\\').append(ch);
        default -> regex.append(ch);
      }
    }
    try {
      return Pattern.compile(regex.toString());
    } catch (PatternSyntaxException e) {
      throw new SubstitutionException(
          "Invalid substitution pattern", "escape only *, ? and \\ in a pattern");
    }
  }

  /** Reverses a pattern but keeps each escape before the character it escapes. */
  private static String reversePattern(String pattern) {
    char[] out = new char[pattern.length()];
    int last = pattern.length() - 1;
    int i = 0;
    while (i <= last) {
      char ch = pattern.charAt(i);
      int at = last - i;
      if (ch == '\\' && i != last) {
        out[at - 1] = ch;
        out[at] = pattern.charAt(i + 1);
        i += 2;
      } else {
        out[at] = ch;
        i++;
      }
    }
    return new String(out);
  }

  private static String reverse(String text) {
    return new StringBuilder(text).reverse().toString();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static SubstitutionException missingBrace() {
    return new SubstitutionException("Unterminated variable substitution", "close '${' with '}'");
  }

  private static SubstitutionException unsupported(String modifier) {
    return new SubstitutionException(
        "Unsupported modifier '" + modifier + "' in variable substitution", MODIFIERS);
  }

  private static SubstitutionException required(String name, String problem) {
    return new SubstitutionException(
        "Variable " + name + " " + problem,
        "set " + name + " with ARG or ENV, or pass it as a build argument");
  }
}
