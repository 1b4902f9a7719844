package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Splits substituted text into words on unquoted whitespace, as BuildKit's shell lexer does. */
final class ShellWords {
  private final List<String> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;

  /**
   * Whether Go's {@code unicode.IsSpace} holds for the code point: the spaces BuildKit splits on.
   */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> cp > 0xFF && Character.isSpaceChar(cp);
    };
  }

  void addChar(int cp) {
    if (isSpace(cp)) {
      if (inWord && word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    } else {
      addRawChar(cp);
    }
  }

  void addRawChar(int cp) {
    word.appendCodePoint(cp);
    inWord = true;
  }

  void addString(String text) {
    text.codePoints().forEach(this::addChar);
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
