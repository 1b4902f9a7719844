package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Dockerfile instruction as parsed, before any variable substitution.
 *
 * @param keyword the instruction keyword, upper-case ({@code COPY})
 * @param location the line the instruction starts on
 * @param flags the leading {@code --name=value} flags, keyed by name without dashes, in the order
 *     written; a flag given several times ({@code --mount}, {@code --exclude}) keeps every value; a
 *     boolean flag given without a value ({@code --link}) has the value {@code true}
 * @param arguments the argument text after the flags, continuation lines joined, trimmed
 * @param execForm the JSON exec form decoded ({@code ["java","-jar"]}), or null for shell form; for
 *     HEALTHCHECK it is the part after {@code CMD}
 * @param escape the Dockerfile's escape character, needed to split arguments
 * @param heredocs the here-documents of a RUN, COPY or ADD (or of the one ONBUILD triggers), in the
 *     order opened; empty when there are none
 * @param endLine the last line of the instruction, its heredocs included
 */
public record Instruction(
    String keyword,
    Location location,
    Map<String, List<String>> flags,
    String arguments,
    List<String> execForm,
    char escape,
    List<Heredoc> heredocs,
    int endLine) {

  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\u000B\\f\\r ]+");

  public Instruction {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    flags.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    flags = Collections.unmodifiableMap(copy);
    execForm = execForm == null ? null : List.copyOf(execForm);
    heredocs = List.copyOf(heredocs);
  }

  /** An instruction without heredocs that ends on the line it starts on. */
  public Instruction(
      String keyword,
      Location location,
      Map<String, List<String>> flags,
      String arguments,
      List<String> execForm,
      char escape) {
    this(keyword, location, flags, arguments, execForm, escape, List.of(), location.line());
  }

  /** Whether the instruction has here-documents. */
  public boolean hasHeredocs() {
    return !heredocs.isEmpty();
  }

  /**
   * For each source of a COPY or ADD, in order, the heredoc it names ({@code <<EOF}), or null for a
   * path; as BuildKit does, each source word that opens a heredoc takes the next heredoc.
   */
  public List<Heredoc> sourceHeredocs() {
    List<String> items = listForm();
    List<Heredoc> result = new ArrayList<>();
    int next = 0;
    for (String item : items.subList(0, Math.max(0, items.size() - 1))) {
      boolean opens = !heredocs.isEmpty() && next < heredocs.size() && Heredoc.ofWord(item) != null;
      result.add(opens ? heredocs.get(next++) : null);
    }
    return result;
  }

  /** Whether this is the given instruction; {@code keyword} is upper-case. */
  public boolean is(String keyword) {
    return this.keyword.equals(keyword);
  }

  /** Whether the flag was given, with any value. */
  public boolean hasFlag(String name) {
    return flags.containsKey(name);
  }

  /** The flag's value (the last one when repeated), or null when the flag was not given. */
  public String flag(String name) {
    List<String> values = flags.get(name);
    return values == null ? null : values.get(values.size() - 1);
  }

  /** Whether the arguments are in JSON exec form. */
  public boolean isExecForm() {
    return execForm != null;
  }

  /**
   * The arguments split on whitespace without regard to quotes, as Docker does for FROM, EXPOSE and
   * the shell form of COPY, ADD and VOLUME.
   */
  public List<String> words() {
    if (arguments.isEmpty()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(arguments));
  }

  /** The exec form when given, otherwise {@link #words()}: the items of COPY, ADD and VOLUME. */
  public List<String> listForm() {
    return isExecForm() ? execForm : words();
  }

  /**
   * The {@code key=value} pairs of ENV or LABEL, quotes kept for substitution to process; the
   * legacy {@code ENV key value with spaces} form gives one pair.
   */
  public List<KeyValue> keyValues() throws DockerfileException {
    List<String> words = splitWords(arguments, escape);
    List<KeyValue> pairs = new ArrayList<>();
    if (words.isEmpty()) {
      return pairs;
    }
    String usage = "write " + keyword + " <key>=<value> (quote values that contain spaces)";
    if (!words.get(0).contains("=")) {
      String[] parts = WHITESPACE.split(arguments, 2);
      if (parts.length < 2) {
        throw new DockerfileException("Missing value in " + keyword, arguments, location, usage);
      }
      pairs.add(new KeyValue(parts[0], parts[1]));
      return pairs;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new DockerfileException("Missing '=' in " + keyword, word, location, usage);
      }
      if (eq == 0) {
        throw new DockerfileException("Empty name in " + keyword, word, location, usage);
      }
      pairs.add(new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
    }
    return pairs;
  }

  /** The declarations of an ARG: name, and default value as written or null when none. */
  public List<KeyValue> argDeclarations() throws DockerfileException {
    List<KeyValue> declarations = new ArrayList<>();
    for (String word : splitWords(arguments, escape)) {
      int eq = word.indexOf('=');
      if (eq == 0) {
        throw new DockerfileException(
            "Empty name in ARG", word, location, "write ARG <name>[=<default>]");
      }
      declarations.add(
          eq < 0
              ? new KeyValue(word, null)
              : new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
    }
    return declarations;
  }

  /** The instruction as a single line, for messages. */
  public String text() {
    StringBuilder text = new StringBuilder(keyword);
    flags.forEach(
        (name, values) ->
            values.forEach(v -> text.append(" --").append(name).append('=').append(v)));
    if (!arguments.isEmpty()) {
      text.append(' ').append(arguments);
    }
    return text.toString();
  }

  /**
   * Splits on unquoted whitespace the way Docker's parser does for ENV, LABEL and ARG: quotes and
   * escapes stay in the words, so that substitution can process them later.
   */
  static List<String> splitWords(String text, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean blankOk = false;
    char quote = 0;
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(ch)) {
        if (inWord && (blankOk || word.length() > 0)) {
          words.add(word.toString());
        }
        word.setLength(0);
        inWord = false;
        blankOk = false;
        i++;
        continue;
      }
      inWord = true;
      if (quote == 0 && (ch == '\'' || ch == '"')) {
        quote = ch;
        blankOk = true;
      } else if (quote != 0 && ch == quote) {
        quote = 0;
      }
      // the escape keeps the next character in the word, except inside single quotes
      if (ch == escape && !(quote == '\'')) {
        if (i + 1 == text.length()) {
          i++;
          continue;
        }
        word.append(ch);
        i++;
        ch = text.charAt(i);
      }
      word.append(ch);
      i++;
    }
    if (inWord && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return words;
  }
}
