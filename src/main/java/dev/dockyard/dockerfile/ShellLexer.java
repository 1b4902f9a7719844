package dev.dockyard.dockerfile;

import java.util.List;
import java.util.function.Function;

/**
 * Docker's shell lexer for Dockerfile words: quotes, the escape character and {@code $VAR} / {@code
 * ${VAR...}} substitution, with the same rules and modifiers as BuildKit, read by code point.
 */
final class ShellLexer {

  /** A word Docker would refuse to substitute; {@code fix} tells the user what to change. */
  static class SubstitutionException extends Exception {
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

  /** Substitutions nested deeper than this fail, rather than overflow the thread's stack. */
  static final int MAX_NESTING = 100;

  /** Nesting deeper than {@link #MAX_NESTING}; passed up unchanged through the enclosing ones. */
  private static final class TooDeep extends SubstitutionException {
    TooDeep() {
      super(
          "Variable substitutions nested more than " + MAX_NESTING + " deep",
          "nest at most " + MAX_NESTING + " ${...} inside each other");
    }
  }

  private static final int EOF = -1;
  static final String MODIFIERS =
      "use ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:+alternative}, ${NAME+alternative},"
          + " ${NAME:?message}, ${NAME?message}, ${NAME#prefix}, ${NAME##prefix}, ${NAME%suffix},"
          + " ${NAME%%suffix}, ${NAME/pattern/replacement} or ${NAME//pattern/replacement}";

  private final char escape;
  private final Function<String, String> env;
  private boolean rawQuotes;
  private boolean rawEscapesDefault;
  private boolean skipUnset;
  private boolean skipQuotes;
  private int[] source;
  private int pos;
  private boolean rawEscapes;
  private int nesting;

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

  /** Keeps quote characters in the result (BuildKit's RawQuotes), for finding heredocs. */
  ShellLexer keepQuotes() {
    rawQuotes = true;
    return this;
  }

  /** Keeps escape characters in the result (BuildKit's RawEscapes), for finding heredocs. */
  ShellLexer keepEscapes() {
    rawEscapesDefault = true;
    return this;
  }

  /** Leaves a reference to an unset variable as written (BuildKit's SkipUnsetEnv). */
  ShellLexer keepUnset() {
    skipUnset = true;
    return this;
  }

  /** Treats quotes as plain characters (BuildKit's SkipProcessQuotes), for heredoc content. */
  ShellLexer plainQuotes() {
    skipQuotes = true;
    return this;
  }

  /** The word with quotes removed and variables substituted; spaces are kept. */
  String word(String word) throws SubstitutionException {
    return process(word).text;
  }

  /** The word substituted, then split on unquoted whitespace (EXPOSE does this). */
  List<String> words(String word) throws SubstitutionException {
    return process(word).words.done();
  }

  private record Processed(String text, ShellWords words) {}

  private Processed process(String word) throws SubstitutionException {
    source = word.codePoints().toArray();
    pos = 0;
    nesting = 0;
    rawEscapes = rawEscapesDefault;
    return processStopOn(EOF, rawEscapesDefault);
  }

  private int peek() {
    return pos < source.length ? source[pos] : EOF;
  }

  private int next() {
    return pos < source.length ? source[pos++] : EOF;
  }

  private Processed processStopOn(int stop, boolean raw) throws SubstitutionException {
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      StringBuilder result = new StringBuilder();
      ShellWords words = new ShellWords();
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
        } else if (!skipQuotes && (ch == '\'' || ch == '"')) {
          String value = ch == '\'' ? processSingleQuote() : processDoubleQuote();
          result.append(value);
          words.addRawString(value);
        } else {
          int c = next();
          if (c == escape) {
            if (rawEscapes) {
              words.addRawChar(c);
              result.appendCodePoint(c);
            }
            // an escape at the very end of the word is dropped
            if (peek() == EOF) {
              break;
            }
            c = next();
            words.addRawChar(c);
          } else {
            words.addChar(c);
          }
          result.appendCodePoint(c);
        }
      }
      if (stop != EOF) {
        throw new SubstitutionException(
            "Unterminated variable substitution",
            "close it with '" + new String(Character.toChars(stop)) + "'");
      }
      return new Processed(result.toString(), words);
    } finally {
      rawEscapes = saved;
    }
  }

  private String processSingleQuote() throws SubstitutionException {
    StringBuilder result = new StringBuilder();
    int quote = next();
    if (rawQuotes) {
      result.appendCodePoint(quote);
    }
    while (true) {
      int ch = next();
      if (ch == EOF) {
        throw new SubstitutionException("Unterminated single quote", "close the quote with '");
      }
      if (ch == '\'') {
        if (rawQuotes) {
          result.appendCodePoint(ch);
        }
        return result.toString();
      }
      result.appendCodePoint(ch);
    }
  }

  private String processDoubleQuote() throws SubstitutionException {
    StringBuilder result = new StringBuilder();
    int quote = next();
    if (rawQuotes) {
      result.appendCodePoint(quote);
    }
    while (true) {
      int ch = peek();
      if (ch == EOF) {
        throw new SubstitutionException("Unterminated double quote", "close the quote with \"");
      }
      if (ch == '"') {
        pos++;
        if (rawQuotes) {
          result.appendCodePoint(ch);
        }
        return result.toString();
      }
      if (ch == '$') {
        result.append(processDollar());
        continue;
      }
      int c = next();
      if (c == escape) {
        if (rawEscapes) {
          result.appendCodePoint(c);
        }
        int following = peek();
        if (following == EOF) {
          continue;
        }
        // inside double quotes only ", $ and the escape itself can be escaped
        if (following == '"' || following == '$' || following == escape) {
          c = next();
        }
      }
      result.appendCodePoint(c);
    }
  }

  private String processDollar() throws SubstitutionException {
    if (nesting == MAX_NESTING) {
      throw new TooDeep();
    }
    nesting++;
    try {
      return dollar();
    } finally {
      nesting--;
    }
  }

  private String dollar() throws SubstitutionException {
    pos++;
    if (peek() != '{') {
      String name = processName();
      if (name.isEmpty()) {
        return "$";
      }
      String value = env.apply(name);
      return value != null ? value : skipUnset ? "$" + name : "";
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
    String modifier = new String(Character.toChars(ch));
    switch (ch) {
      case '}':
        String value = env.apply(name);
        return value != null ? value : skipUnset ? "${" + name + "}" : "";
      case ':':
        int second = next();
        if (second == EOF) {
          throw missingBrace();
        }
        modifier += new String(Character.toChars(second));
        // BuildKit knows ${NAME:-...}, ${NAME:+...} and ${NAME:?...}, but no ':#' or ':%'
        if (second != '-' && second != '+' && second != '?') {
          throw ParameterModifiers.unsupported(modifier);
        }
        return modify(name, second, modifier, true);
      case '+', '-', '?', '#', '%':
        return modify(name, ch, modifier, false);
      case '/':
        return replace(name);
      default:
        throw ParameterModifiers.unsupported(modifier);
    }
  }

  private String modify(String name, int ch, String modifier, boolean nullIsUnset)
      throws SubstitutionException {
    String word = wordUntil('}', ch == '#' || ch == '%');
    String value = env.apply(name);
    if (value == null && skipUnset) {
      return "${" + name + modifier + word + "}";
    }
    return ParameterModifiers.apply(name, ch, word, value, nullIsUnset);
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
      if (peek() == EOF && !(e instanceof TooDeep)) {
        throw new SubstitutionException(
            "Missing '/' in variable substitution", "write ${NAME/pattern/replacement}");
      }
      throw e;
    }
    String replacement = wordUntil('}', true);
    String value = env.apply(name);
    if (value == null && skipUnset) {
      return "${" + name + (all ? "//" : "/") + pattern + "/" + replacement + "}";
    }
    return ParameterModifiers.replace(value, pattern, replacement, all);
  }

  private String wordUntil(char stop, boolean raw) throws SubstitutionException {
    try {
      return processStopOn(stop, raw).text;
    } catch (SubstitutionException e) {
      if (peek() == EOF && !(e instanceof TooDeep)) {
        throw missingBrace();
      }
      throw e;
    }
  }

  private String processName() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.length() == 0 && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
        pos++;
        return String.valueOf((char) ch);
      }
      if (!Character.isLetterOrDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  private static SubstitutionException missingBrace() {
    return new SubstitutionException("Unterminated variable substitution", "close '${' with '}'");
  }
}
