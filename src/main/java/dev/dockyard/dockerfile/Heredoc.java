package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One here-document of a RUN, COPY or ADD ({@code <<EOF} ... {@code EOF}), read as BuildKit reads
 * it.
 *
 * @param name the delimiter, quotes removed ({@code EOF} for {@code <<"EOF"})
 * @param expand whether variables in the content are substituted (COPY and ADD): false when any
 *     part of the delimiter is quoted
 * @param chomp whether it was written {@code <<-}: leading tabs of each content line are dropped
 * @param content the lines between the instruction and the delimiter, each with its line ending
 */
public record Heredoc(String name, boolean expand, boolean chomp, String content) {

  private static final Pattern WORD = Pattern.compile("^(\\d*)<<(-?)([^<]*)$", Pattern.DOTALL);
  private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\\t+");

  /** The content as the file or script gets it: leading tabs dropped for {@code <<-}. */
  public String text() {
    return chomp ? LEADING_TABS.matcher(content).replaceAll("") : content;
  }

  /**
   * The heredoc a word opens ({@code <<EOF}, {@code <<-'EOF'}, {@code 3<<EOF}), without content;
   * null when the word opens none.
   */
  public static Heredoc ofWord(String word) {
    Matcher match = WORD.matcher(word);
    if (!match.matches() || match.group(3).isEmpty()) {
      return null;
    }
    String rest = match.group(3);
    try {
      List<String> words = new ShellLexer('\\', name -> null).keepUnset().words(rest);
      if (words.size() != 1) {
        return null;
      }
      List<String> raw = new ShellLexer('\\', name -> null).keepUnset().keepQuotes().words(rest);
      if (raw.size() != 1) {
        return null;
      }
      // a quote that lexing removed means part of the delimiter was quoted: no expansion
      boolean expand = quotes(words.get(0)) == quotes(raw.get(0));
      return new Heredoc(words.get(0), expand, match.group(2).equals("-"), "");
    } catch (ShellLexer.SubstitutionException e) {
      return null;
    }
  }

  /** The heredocs a RUN, COPY or ADD line opens, in the order written. */
  static List<Heredoc> openedBy(String line) {
    List<String> words;
    try {
      words = new ShellLexer('\\', name -> null).keepQuotes().keepEscapes().keepUnset().words(line);
    } catch (ShellLexer.SubstitutionException e) {
      // BuildKit ignores the lexer's error here: the line then opens no heredoc
      return List.of();
    }
    List<Heredoc> opened = new ArrayList<>();
    for (String word : words) {
      Heredoc heredoc = ofWord(word);
      if (heredoc != null) {
        opened.add(heredoc);
      }
    }
    return opened;
  }

  /**
   * The content as COPY and ADD write it: when the delimiter was unquoted, variables substituted
   * and backslash escapes applied, quotes left as they are (BuildKit's raw expansion).
   */
  String expanded(java.util.function.Function<String, String> env)
      throws ShellLexer.SubstitutionException {
    return expand ? new ShellLexer('\\', env).plainQuotes().word(text()) : text();
  }

  /** This heredoc with its content. */
  Heredoc withContent(String text) {
    return new Heredoc(name, expand, chomp, text);
  }

  /** Whether a content line (line ending removed) ends this heredoc. */
  boolean endsWith(String line) {
    String candidate = chomp ? line.replaceFirst("^\\t+", "") : line;
    return candidate.equals(name);
  }

  private static long quotes(String word) {
    return word.chars().filter(c -> c == '\'' || c == '"').count();
  }
}
