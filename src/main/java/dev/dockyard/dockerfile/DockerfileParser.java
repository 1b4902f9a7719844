package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Dockerfile text the way Docker's (BuildKit's) parser does, minus heredocs. */
public final class DockerfileParser {

  /** Every instruction keyword Docker knows, in alphabetical order. */
  static final List<String> KEYWORDS =
      List.of(
          "ADD",
          "ARG",
          "CMD",
          "COPY",
          "ENTRYPOINT",
          "ENV",
          "EXPOSE",
          "FROM",
          "HEALTHCHECK",
          "LABEL",
          "MAINTAINER",
          "ONBUILD",
          "RUN",
          "SHELL",
          "STOPSIGNAL",
          "USER",
          "VOLUME",
          "WORKDIR");

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

  private static final Map<String, String> USAGE =
      Map.ofEntries(
          Map.entry("ADD", "ADD [--chown=<user>:<group>] [--chmod=<perms>] <src>... <dest>"),
          Map.entry("ARG", "ARG <name>[=<default>]"),
          Map.entry("CMD", "CMD [\"<executable>\", \"<param>\"...] or CMD <command>"),
          Map.entry("COPY", "COPY [--chown=<user>:<group>] [--chmod=<perms>] <src>... <dest>"),
          Map.entry(
              "ENTRYPOINT",
              "ENTRYPOINT [\"<executable>\", \"<param>\"...] or ENTRYPOINT <command>"),
          Map.entry("ENV", "ENV <key>=<value>..."),
          Map.entry("EXPOSE", "EXPOSE <port>[/<protocol>]..."),
          Map.entry("FROM", "FROM [--platform=<platform>] <image> [AS <name>]"),
          Map.entry("HEALTHCHECK", "HEALTHCHECK [<options>] CMD <command> or HEALTHCHECK NONE"),
          Map.entry("LABEL", "LABEL <key>=<value>..."),
          Map.entry("MAINTAINER", "MAINTAINER <name>"),
          Map.entry("ONBUILD", "ONBUILD <instruction>"),
          Map.entry("RUN", "RUN [\"<executable>\", \"<param>\"...] or RUN <command>"),
          Map.entry("SHELL", "SHELL [\"<executable>\", \"<param>\"...]"),
          Map.entry("STOPSIGNAL", "STOPSIGNAL <signal>"),
          Map.entry("USER", "USER <user>[:<group>]"),
          Map.entry("VOLUME", "VOLUME [\"<path>\"...] or VOLUME <path>..."),
          Map.entry("WORKDIR", "WORKDIR <path>"));

  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Set<String> DIRECTIVES = Set.of("escape", "syntax", "check");
  private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("[\\t\\u000B\\f\\r ]+");
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");

  private DockerfileParser() {}

  /**
   * Parses a Dockerfile.
   *
   * @param text the Dockerfile's content
   * @param fileName the name to report in locations, e.g. {@code services/api/Dockerfile}
   * @return the instructions, each with its start line
   * @throws DockerfileException when Docker would reject the file, or for a dangling line
   *     continuation or an unterminated JSON array (which Docker silently accepts)
   */
  public static Dockerfile parse(String text, String fileName) throws DockerfileException {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
      lines[0] = lines[0].substring(1);
    }
    char escape = '\\';
    Pattern continuation = continuationPattern(escape);
    boolean directivesDone = false;
    Set<String> seenDirectives = new HashSet<>();
    List<Instruction> instructions = new ArrayList<>();
    boolean seenFrom = false;

    int index = 0;
    while (index < lines.length) {
      int lineNumber = index + 1;
      String line = stripLeading(lines[index++]);
      if (!directivesDone) {
        Matcher directive = DIRECTIVE.matcher(line);
        String name = directive.matches() ? directive.group(1).toLowerCase(Locale.ROOT) : null;
        if (name != null && DIRECTIVES.contains(name)) {
          Location location = new Location(fileName, lineNumber);
          if (!seenDirectives.add(name)) {
            throw new DockerfileException(
                "Repeated parser directive",
                name,
                location,
                "give each directive once, at the top of the file");
          }
          if (name.equals("escape")) {
            escape = escapeToken(directive.group(2), location);
            continuation = continuationPattern(escape);
          }
          continue;
        }
        directivesDone = true;
      }
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int startLine = lineNumber;
      int lastEscapeLine = lineNumber;
      String physical = line;
      Matcher matcher = continuation.matcher(line);
      boolean continued = matcher.find();
      StringBuilder logical =
          new StringBuilder(continued ? line.substring(0, matcher.start()) : line);
      while (continued) {
        if (index >= lines.length) {
          throw new DockerfileException(
              "Line continuation at end of file",
              physical.strip(),
              new Location(fileName, lastEscapeLine),
              "remove the trailing '" + escape + "' or add the line it continues to");
        }
        String next = lines[index++];
        // comment lines and empty lines inside a continuation are skipped, as Docker does
        if (stripLeading(next).startsWith("#") || next.isBlank()) {
          continue;
        }
        Matcher m = continuation.matcher(next);
        continued = m.find();
        if (continued) {
          lastEscapeLine = index;
          physical = next;
        }
        logical.append(continued ? next.substring(0, m.start()) : next);
      }
      Instruction instruction =
          instruction(logical.toString(), new Location(fileName, startLine), escape);
      if (!seenFrom && !instruction.is("ARG") && !instruction.is("FROM")) {
        throw new DockerfileException(
            "Instruction before the first FROM",
            instruction.keyword(),
            instruction.location(),
            "only ARG may come before FROM; move " + instruction.keyword() + " after FROM <image>");
      }
      seenFrom |= instruction.is("FROM");
      instructions.add(instruction);
    }
    if (!seenFrom) {
      throw new DockerfileException(
          "Dockerfile has no FROM",
          "",
          new Location(fileName, 1),
          "start the build stage with FROM <image>");
    }
    return new Dockerfile(instructions, fileName, escape);
  }

  private static Instruction instruction(String line, Location location, char escape)
      throws DockerfileException {
    String[] split = KEYWORD_SEPARATOR.split(line.strip(), 2);
    String written = split[0];
    String keyword = written.toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(keyword)) {
      String suggestion = nearest(keyword, KEYWORDS);
      throw new DockerfileException(
          "Unknown instruction",
          written,
          location,
          suggestion != null
              ? "did you mean " + suggestion + "?"
              : "use one of " + String.join(", ", KEYWORDS));
    }
    List<String> flagWords = new ArrayList<>();
    String arguments = split.length > 1 ? extractFlags(split[1], flagWords).strip() : "";
    Map<String, List<String>> flags = flags(keyword, flagWords, location);

    List<String> execForm = null;
    switch (keyword) {
      case "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "VOLUME", "SHELL" ->
          execForm = maybeJson(keyword, arguments, location);
      case "HEALTHCHECK" -> {
        String[] parts = KEYWORD_SEPARATOR.split(arguments, 2);
        if (parts[0].equalsIgnoreCase("CMD") && parts.length > 1) {
          execForm = maybeJson(keyword, parts[1].strip(), location);
        }
      }
      default -> {}
    }
    Instruction instruction =
        new Instruction(keyword, location, flags, arguments, execForm, escape);
    validate(instruction);
    return instruction;
  }

  private static void validate(Instruction instruction) throws DockerfileException {
    String keyword = instruction.keyword();
    String arguments = instruction.arguments();
    Location location = instruction.location();
    boolean missing =
        switch (keyword) {
          case "ARG" -> instruction.argDeclarations().isEmpty();
          case "ENV", "LABEL" -> instruction.keyValues().isEmpty();
          case "COPY", "ADD" -> instruction.listForm().size() < 2;
          case "EXPOSE", "VOLUME" -> instruction.listForm().isEmpty();
          case "SHELL" ->
              arguments.isEmpty() || (instruction.isExecForm() && instruction.execForm().isEmpty());
          default -> arguments.isEmpty();
        };
    if (missing) {
      throw new DockerfileException(
          "Missing arguments for " + keyword, arguments, location, "write " + USAGE.get(keyword));
    }
    switch (keyword) {
      case "FROM" -> {
        List<String> words = instruction.words();
        boolean named = words.size() == 3 && words.get(1).equalsIgnoreCase("AS");
        if (words.size() != 1 && !named) {
          throw new DockerfileException(
              "Malformed FROM", arguments, location, "write " + USAGE.get("FROM"));
        }
        if (named && !STAGE_NAME.matcher(words.get(2).toLowerCase(Locale.ROOT)).matches()) {
          throw new DockerfileException(
              "Invalid stage name in FROM",
              words.get(2),
              location,
              "start it with a letter and use only letters, digits, '-', '_' and '.'");
        }
      }
      case "SHELL" -> {
        if (!instruction.isExecForm()) {
          throw new DockerfileException(
              "SHELL needs the JSON exec form",
              arguments,
              location,
              "write SHELL [\"/bin/sh\", \"-c\"]");
        }
      }
      case "HEALTHCHECK" -> {
        String[] parts = KEYWORD_SEPARATOR.split(arguments, 2);
        boolean none = parts[0].equalsIgnoreCase("NONE") && parts.length == 1;
        boolean cmd = parts[0].equalsIgnoreCase("CMD") && parts.length == 2;
        if (!none && !cmd) {
          throw new DockerfileException(
              "Malformed HEALTHCHECK", arguments, location, "write " + USAGE.get("HEALTHCHECK"));
        }
      }
      case "ONBUILD" -> {
        String trigger = KEYWORD_SEPARATOR.split(arguments, 2)[0].toUpperCase(Locale.ROOT);
        if (trigger.equals("ONBUILD") || trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
          throw new DockerfileException(
              "Invalid ONBUILD trigger",
              trigger,
              location,
              "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER");
        }
        instruction(arguments, location, instruction.escape());
      }
      case "COPY", "ADD" -> {
        String chmod = instruction.flag("chmod");
        // a value with variables is checked once substituted
        if (chmod != null && !chmod.contains("$")) {
          checkChmod(keyword, chmod, location);
        }
      }
      default -> {}
    }
  }

  /** Rejects a {@code --chmod} value that is not an octal mode. */
  static void checkChmod(String keyword, String chmod, Location location)
      throws DockerfileException {
    if (!OCTAL.matcher(chmod).matches()) {
      throw new DockerfileException(
          "Invalid --chmod for " + keyword,
          chmod,
          location,
          "give the mode in octal, e.g. --chmod=0755");
    }
  }

  private static List<String> maybeJson(String keyword, String arguments, Location location)
      throws DockerfileException {
    if (arguments.isEmpty()) {
      return null;
    }
    ExecFormJson.Result json = ExecFormJson.read(arguments);
    return switch (json.outcome()) {
      case STRINGS -> json.strings();
      case NOT_JSON -> null;
      case UNTERMINATED ->
          throw new DockerfileException(
              "Unterminated JSON array in " + keyword,
              arguments,
              location,
              "close the array with ']' and quote each element with \"");
      case NOT_STRINGS ->
          throw new DockerfileException(
              "JSON array of " + keyword + " holds more than strings",
              arguments,
              location,
              "quote every element, e.g. [\"java\", \"-jar\", \"app.jar\"]");
    };
  }

  private static Map<String, List<String>> flags(
      String keyword, List<String> words, Location location) throws DockerfileException {
    Map<String, FlagType> allowed = FLAGS.getOrDefault(keyword, Map.of());
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (String word : words) {
      String body = word.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? null : body.substring(eq + 1);
      FlagType type = allowed.get(name);
      if (type == null) {
        String suggestion = nearest(name, List.copyOf(allowed.keySet()));
        String fix =
            allowed.isEmpty()
                ? keyword + " takes no flags"
                : suggestion != null
                    ? "did you mean --" + suggestion + "?"
                    : keyword + " accepts --" + String.join(", --", allowed.keySet());
        throw new DockerfileException("Unknown flag for " + keyword, "--" + name, location, fix);
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

  /**
   * Moves the leading {@code --flag} words into {@code flags} (quotes removed, backslash escapes
   * applied, as Docker does) and returns the rest of the line.
   */
  private static String extractFlags(String line, List<String> flags) {
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

  private static char escapeToken(String value, Location location) throws DockerfileException {
    if (!value.equals("\\") && !value.equals("`")) {
      throw new DockerfileException(
          "Invalid escape directive", value, location, "write # escape=\\ or # escape=`");
    }
    return value.charAt(0);
  }

  private static Pattern continuationPattern(char escape) {
    return Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
  }

  private static String stripLeading(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return line.substring(i);
  }

  /** The candidate closest to {@code word} when close enough to be a typo, else null. */
  static String nearest(String word, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toUpperCase(Locale.ROOT), candidate.toUpperCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, word.length() / 4) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static Map<String, FlagType> ordered(Object... pairs) {
    Map<String, FlagType> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (FlagType) pairs[i + 1]);
    }
    return map;
  }
}
