package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON exec form ({@code ["java", "-jar", "app.jar"]}) strictly, as Go's JSON decoder
 * does, telling apart "not JSON" (Docker then uses shell form) from "JSON cut short". Like the
 * decoder Docker uses, it reads the first JSON value and ignores any text after it.
 */
final class ExecFormJson {

  /** What reading the text as a JSON array found. */
  enum Outcome {
    /** A JSON array of strings: exec form. */
    STRINGS,
    /** Valid JSON array holding something other than strings: Docker rejects it. */
    NOT_STRINGS,
    /** The input ended inside the array: a malformed exec form. */
    UNTERMINATED,
    /** Anything else: Docker reads the text as shell form. */
    NOT_JSON
  }

  /**
   * The outcome and, for {@link Outcome#STRINGS}, the decoded strings.
   *
   * @param trailing whether text follows the array (Docker ignores it)
   */
  record Result(Outcome outcome, List<String> strings, boolean trailing) {
    Result(Outcome outcome) {
      this(outcome, null, false);
    }
  }

  private static final class Truncated extends Exception {
    Truncated() {
      super(null, null, false, false);
    }
  }

  private static final class Invalid extends Exception {
    Invalid() {
      super(null, null, false, false);
    }
  }

  /** Go's {@code encoding/json} nesting limit. */
  static final int MAX_DEPTH = 10_000;

  private final String text;
  private int pos;
  private boolean onlyStrings = true;

  private ExecFormJson(String text) {
    this.text = text;
  }

  /** Reads {@code text}, which must start with {@code [} to be anything but NOT_JSON. */
  static Result read(String text) {
    ExecFormJson reader = new ExecFormJson(text);
    reader.skipSpace();
    if (reader.pos >= text.length() || text.charAt(reader.pos) != '[') {
      return new Result(Outcome.NOT_JSON);
    }
    try {
      List<String> strings = reader.topArray();
      reader.skipSpace();
      boolean trailing = reader.pos != text.length();
      return reader.onlyStrings
          ? new Result(Outcome.STRINGS, strings, trailing)
          : new Result(Outcome.NOT_STRINGS);
    } catch (Truncated e) {
      return new Result(Outcome.UNTERMINATED);
    } catch (Invalid e) {
      return new Result(Outcome.NOT_JSON);
    }
  }

  private List<String> topArray() throws Truncated, Invalid {
    List<String> strings = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return strings;
    }
    while (true) {
      skipSpace();
      if (peek() == '"') {
        strings.add(string());
      } else {
        onlyStrings = false;
        value();
      }
      skipSpace();
      char ch = next();
      if (ch == ']') {
        return strings;
      }
      if (ch != ',') {
        throw new Invalid();
      }
    }
  }

  /**
   * Skips one JSON value. Nested arrays and objects are tracked on a stack of their closing
   * brackets rather than by recursion, so no nesting overflows the thread's stack; like Go's
   * decoder, which Docker uses, nesting deeper than {@link #MAX_DEPTH} (the top array counted) is
   * not JSON.
   */
  private void value() throws Truncated, Invalid {
    StringBuilder closers = new StringBuilder();
    while (true) {
      skipSpace();
      char ch = peek();
      if (ch == '[' || ch == '{') {
        if (closers.length() + 2 > MAX_DEPTH) {
          throw new Invalid();
        }
        pos++;
        char close = ch == '[' ? ']' : '}';
        skipSpace();
        if (peek() != close) {
          closers.append(close);
          if (close == '}') {
            key();
          }
          continue;
        }
        pos++;
      } else {
        scalar(ch);
      }
      if (!closeOrNext(closers)) {
        return;
      }
    }
  }

  /**
   * After a value inside the open containers: closes every container that ends here; true when
   * another value follows (after a ',' and, in an object, its key), false when none is open.
   */
  private boolean closeOrNext(StringBuilder closers) throws Truncated, Invalid {
    while (closers.length() > 0) {
      skipSpace();
      char close = closers.charAt(closers.length() - 1);
      char ch = next();
      if (ch == close) {
        closers.setLength(closers.length() - 1);
        continue;
      }
      if (ch != ',') {
        throw new Invalid();
      }
      if (close == '}') {
        key();
      }
      return true;
    }
    return false;
  }

  /** An object's {@code "key":}. */
  private void key() throws Truncated, Invalid {
    skipSpace();
    if (peek() != '"') {
      throw new Invalid();
    }
    string();
    skipSpace();
    if (next() != ':') {
      throw new Invalid();
    }
  }

  private void scalar(char ch) throws Truncated, Invalid {
    switch (ch) {
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> number();
    }
  }

  private void literal(String word) throws Truncated, Invalid {
    for (int i = 0; i < word.length(); i++) {
      if (next() != word.charAt(i)) {
        throw new Invalid();
      }
    }
  }

  private void number() throws Truncated, Invalid {
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
  }

  private void digits() throws Truncated, Invalid {
    if (!Character.isDigit(peek()) || peek() > '9') {
      throw new Invalid();
    }
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
  }

  private String string() throws Truncated, Invalid {
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char ch = next();
      if (ch == '"') {
        return out.toString();
      }
      if (ch < 0x20) {
        throw new Invalid();
      }
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      char escaped = next();
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
              throw new Invalid();
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw new Invalid();
      }
    }
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() throws Truncated {
    if (pos >= text.length()) {
      throw new Truncated();
    }
    return text.charAt(pos);
  }

  private char next() throws Truncated {
    char ch = peek();
    pos++;
    return ch;
  }
}
