package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile line by line the way BuildKit's parser does: parser directives at the top,
 * comments, and continuation lines joined into one logical line per instruction.
 */
final class LineReader {

  /**
   * One instruction's text, continuations joined.
   *
   * @param text the joined text, escape characters of continuations removed
   * @param startLine the line it starts on
   * @param emptyContinuation whether a blank line stood inside the continuation
   * @param danglingLine the line of a continuation that the end of the file cut short, or 0
   */
  record Logical(String text, int startLine, boolean emptyContinuation, int danglingLine) {}

  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Set<String> DIRECTIVES = Set.of("escape", "syntax", "check");

  private final List<String> lines;
  private final String fileName;
  private final Set<String> seenDirectives = new HashSet<>();
  private boolean directivesDone;
  private char escape = '\\';
  private Pattern continuation = continuationPattern(escape);
  private int next;

  LineReader(String text, String fileName) {
    this.lines = physicalLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    this.fileName = fileName;
  }

  char escape() {
    return escape;
  }

  /** The number of the last line read (1-based). */
  int lineNumber() {
    return next;
  }

  /** The next physical line as written, line ending included, or null at the end of the file. */
  String nextRaw() {
    return next < lines.size() ? lines.get(next++) : null;
  }

  /** The next instruction's text, or null at the end of the file. */
  Logical nextLogical() throws DockerfileException {
    String raw;
    while ((raw = nextRaw()) != null) {
      String line = processLine(raw, true);
      Matcher matcher = continuation.matcher(line);
      boolean continued = matcher.find();
      if (!continued && line.isEmpty()) {
        continue;
      }
      int startLine = next;
      StringBuilder text = new StringBuilder(continued ? matcher.replaceFirst("$1") : line);
      boolean empty = false;
      int lastContinued = next;
      while (continued) {
        String nextLine = nextRaw();
        if (nextLine == null) {
          return new Logical(text.toString(), startLine, empty, lastContinued);
        }
        String processed = processLine(nextLine, false);
        if (isComment(nextLine)) {
          continue;
        }
        if (stripLeading(processed).isEmpty()) {
          empty = true;
          continue;
        }
        Matcher m = continuation.matcher(processed);
        continued = m.find();
        if (continued) {
          lastContinued = next;
        }
        text.append(continued ? m.replaceFirst("$1") : processed);
      }
      return new Logical(text.toString(), startLine, empty, 0);
    }
    return null;
  }

  /** Line ending removed, leading space too when asked, a comment emptied; sees directives. */
  private String processLine(String raw, boolean stripLeft) throws DockerfileException {
    String line = trimNewline(raw);
    if (stripLeft) {
      line = stripLeading(line);
    }
    directive(line);
    return line.startsWith("#") ? "" : line;
  }

  private void directive(String line) throws DockerfileException {
    if (directivesDone) {
      return;
    }
    Matcher matcher = DIRECTIVE.matcher(line);
    String name = matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    if (name == null || !DIRECTIVES.contains(name)) {
      directivesDone = true;
      return;
    }
    Location location = new Location(fileName, next);
    if (!seenDirectives.add(name)) {
      throw new DockerfileException(
          "Repeated parser directive",
          name,
          location,
          "give each directive once, at the top of the file");
    }
    if (name.equals("escape")) {
      String value = matcher.group(2);
      if (!value.equals("\\") && !value.equals("`")) {
        throw new DockerfileException(
            "Invalid escape directive", value, location, "write # escape=\\ or # escape=`");
      }
      escape = value.charAt(0);
      continuation = continuationPattern(escape);
    }
  }

  /**
   * The escape character last on a line (trailing blanks allowed) continues it, unless another
   * escape character precedes it: {@code \\} at the end of a line is an escaped backslash.
   */
  private static Pattern continuationPattern(char escape) {
    String e = Pattern.quote(String.valueOf(escape));
    String notEscape = "[^" + (escape == '\\' ? "\\\\" : "`") + "]";
    return Pattern.compile("(" + notEscape + ")" + e + "[ \\t]*\\z|^" + e + "[ \\t]*\\z");
  }

  static boolean isComment(String raw) {
    return stripLeading(trimNewline(raw)).startsWith("#");
  }

  static String trimNewline(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
      end--;
    }
    return raw.substring(0, end);
  }

  static String stripLeading(String line) {
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      if (!ShellWords.isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return line.substring(i);
  }

  private static List<String> physicalLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      lines.add(text.substring(start, end));
      start = end;
    }
    return lines;
  }
}
