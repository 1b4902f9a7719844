package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leading {@code --name=value} flags of an instruction: split off and checked as Docker does.
 */
final class InstructionFlags {

  private enum FlagType {
    STRING,
    BOOL,
    REPEATABLE
  }

  private static final Map<String, Map<String, FlagType>> FLAGS =
      Map.of(
          "FROM", ordered("platform", FlagType.STRING),
          "COPY",
              ordered(
                  "from", FlagType.STRING,
                  "chown", FlagType.STRING,
                  "chmod", FlagType.STRING,
                  "link", FlagType.BOOL,
                  "parents", FlagType.BOOL,
                  "exclude", FlagType.REPEATABLE),
          "ADD",
              ordered(
                  "chown", FlagType.STRING,
                  "chmod", FlagType.STRING,
                  "link", FlagType.BOOL,
                  "keep-git-dir", FlagType.BOOL,
                  "checksum", FlagType.STRING,
                  "exclude", FlagType.REPEATABLE),
          "RUN",
              ordered(
                  "mount", FlagType.REPEATABLE,
                  "network", FlagType.STRING,
                  "security", FlagType.STRING,
                  "device", FlagType.REPEATABLE),
          "HEALTHCHECK",
              ordered(
                  "interval", FlagType.STRING,
                  "timeout", FlagType.STRING,
                  "start-period", FlagType.STRING,
                  "start-interval", FlagType.STRING,
                  "retries", FlagType.STRING));

  private InstructionFlags() {}

  /**
   * Moves the leading {@code --flag} words into {@code flags} (quotes removed, backslash escapes
   * applied, as Docker does) and returns the rest of the line.
   */
  static String extract(String line, List<String> flags) {
    int pos = 0;
    while (true) {
      while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
        pos++;
      }
      if (pos + 1 >= line.length() || line.charAt(pos) != '-' || line.charAt(pos + 1) != '-') {
        return line.substring(pos);
      }
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (pos < line.length()) {
        char ch = line.charAt(pos);
        if (quote == 0 && Character.isWhitespace(ch)) {
          break;
        }
        pos++;
        if (quote == 0 && (ch == '\'' || ch == '"')) {
          quote = ch;
          continue;
        }
        if (quote != 0 && ch == quote) {
          quote = 0;
          continue;
        }
        if (ch == '\\') {
          if (pos == line.length()) {
            continue;
          }
          ch = line.charAt(pos++);
        }
        word.append(ch);
      }
      if (word.toString().equals("--")) {
        return line.substring(pos);
      }
      flags.add(word.toString());
    }
  }

  /** The flags by name, each with its values; rejects what Docker rejects. */
  static Map<String, List<String>> parse(String keyword, List<String> words, Location location)
      throws DockerfileException {
    Map<String, FlagType> allowed = FLAGS.getOrDefault(keyword, Map.of());
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (String word : words) {
      String body = word.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? null : body.substring(eq + 1);
      FlagType type = allowed.get(name);
      if (type == null) {
        throw unknown(keyword, name, allowed, location);
      }
      if (flags.containsKey(name) && type != FlagType.REPEATABLE) {
        throw new DockerfileException(
            "Repeated flag in " + keyword, "--" + name, location, "give --" + name + " once");
      }
      if (type == FlagType.BOOL) {
        String lower = value == null ? "true" : value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
          throw new DockerfileException(
              "Flag of " + keyword + " takes true or false",
              word,
              location,
              "write --" + name + " or --" + name + "=false");
        }
        value = lower;
      } else if (value == null) {
        throw new DockerfileException(
            "Flag of " + keyword + " needs a value",
            word,
            location,
            "write --" + name + "=<value>");
      }
      flags.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return flags;
  }

  private static DockerfileException unknown(
      String keyword, String name, Map<String, FlagType> allowed, Location location) {
    String suggestion = NearestName.ignoringCase(name, allowed.keySet());
    String fix =
        allowed.isEmpty()
            ? keyword + " takes no flags"
            : suggestion != null
                ? "did you mean --" + suggestion + "?"
                : keyword + " accepts --" + String.join(", --", allowed.keySet());
    return new DockerfileException("Unknown flag for " + keyword, "--" + name, location, fix);
  }

  private static Map<String, FlagType> ordered(Object... pairs) {
    Map<String, FlagType> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (FlagType) pairs[i + 1]);
    }
    return map;
  }
}
