package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses Dockerfile text the way Docker's (BuildKit's) parser does, heredocs included. */
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

  private static final Pattern SINGLE_QUOTED = Pattern.compile("^\\[\\s*'");
  private static final Pattern KEYWORD_SEPARATOR = Pattern.compile("[\\t\\u000B\\f\\r ]+");
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");

  private DockerfileParser() {}

  /**
   * Parses a Dockerfile.
   *
   * @param text the Dockerfile's content
   * @param fileName the name to report in locations, e.g. {@code services/api/Dockerfile}
   * @return the instructions, each with its start line, and warnings for what Docker accepts but is
   *     probably a mistake (a continuation cut short by the end of the file, an exec form that is
   *     not valid JSON and so runs as shell form, an empty continuation line)
   * @throws DockerfileException when Docker would reject the file
   */
  public static Dockerfile parse(String text, String fileName) throws DockerfileException {
    LineReader reader = new LineReader(text, fileName);
    List<Instruction> instructions = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean seenFrom = false;
    LineReader.Logical logical;
    while ((logical = reader.nextLogical()) != null) {
      Location location = new Location(fileName, logical.startLine());
      lineWarnings(logical, fileName, reader.escape(), warnings);
      Instruction instruction =
          withHeredocs(
              instruction(logical.text(), location, reader.escape(), warnings),
              logical.text(),
              reader);
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
    return new Dockerfile(instructions, fileName, reader.escape(), warnings);
  }

  private static void lineWarnings(
      LineReader.Logical logical, String fileName, char escape, List<String> warnings) {
    if (logical.danglingLine() > 0) {
      warnings.add(
          "Line continuation at end of file: '"
              + logical.text().strip()
              + "' at "
              + new Location(fileName, logical.danglingLine())
              + "; Docker ends the instruction there, remove the trailing '"
              + escape
              + "' or add the line it continues to");
    }
    if (logical.emptyContinuation()) {
      warnings.add(
          "Empty continuation line: '"
              + logical.text().strip()
              + "' at "
              + new Location(fileName, logical.startLine())
              + "; Docker skips the blank line but will reject it in a future release, remove"
              + " it");
    }
  }

  /** Reads the bodies of the heredocs a RUN, COPY or ADD opens, as BuildKit does. */
  private static Instruction withHeredocs(Instruction instruction, String line, LineReader reader)
      throws DockerfileException {
    Instruction target = instruction;
    if (instruction.is("ONBUILD")) {
      target = instruction(instruction.arguments(), instruction.location(), instruction.escape());
    }
    boolean canHold = target.is("RUN") || target.is("COPY") || target.is("ADD");
    if (!canHold || target.isExecForm()) {
      return instruction;
    }
    List<Heredoc> heredocs = new ArrayList<>();
    for (Heredoc opened : Heredoc.openedBy(line)) {
      StringBuilder content = new StringBuilder();
      boolean terminated = false;
      String raw;
      while ((raw = reader.nextRaw()) != null) {
        if (opened.endsWith(LineReader.trimNewline(raw))) {
          terminated = true;
          break;
        }
        content.append(raw);
      }
      if (!terminated) {
        throw new DockerfileException(
            "Unterminated heredoc in " + target.keyword(),
            "<<" + opened.name(),
            instruction.location(),
            "end it with a line holding only " + opened.name());
      }
      heredocs.add(opened.withContent(content.toString()));
    }
    if (heredocs.isEmpty()) {
      return instruction;
    }
    return new Instruction(
        instruction.keyword(),
        instruction.location(),
        instruction.flags(),
        instruction.arguments(),
        instruction.execForm(),
        instruction.escape(),
        heredocs,
        reader.lineNumber());
  }

  private static Instruction instruction(String line, Location location, char escape)
      throws DockerfileException {
    return instruction(line, location, escape, new ArrayList<>());
  }

  private static Instruction instruction(
      String line, Location location, char escape, List<String> warnings)
      throws DockerfileException {
    String[] split = KEYWORD_SEPARATOR.split(line.strip(), 2);
    String written = split[0];
    String keyword = written.toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(keyword)) {
      String suggestion = NearestName.ignoringCase(keyword, KEYWORDS);
      throw new DockerfileException(
          "Unknown instruction",
          written,
          location,
          suggestion != null
              ? "did you mean " + suggestion + "?"
              : "use one of " + String.join(", ", KEYWORDS));
    }
    List<String> flagWords = new ArrayList<>();
    String arguments =
        split.length > 1 ? InstructionFlags.extract(split[1], flagWords).strip() : "";
    Map<String, List<String>> flags = InstructionFlags.parse(keyword, flagWords, location);

    List<String> execForm = null;
    switch (keyword) {
      case "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "VOLUME", "SHELL" ->
          execForm = maybeJson(keyword, arguments, location, warnings);
      case "HEALTHCHECK" -> {
        String[] parts = KEYWORD_SEPARATOR.split(arguments, 2);
        if (parts[0].equalsIgnoreCase("CMD") && parts.length > 1) {
          execForm = maybeJson(keyword, parts[1].strip(), location, warnings);
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
    validateForm(instruction);
  }

  private static void validateForm(Instruction instruction) throws DockerfileException {
    String keyword = instruction.keyword();
    String arguments = instruction.arguments();
    Location location = instruction.location();
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

  private static List<String> maybeJson(
      String keyword, String arguments, Location location, List<String> warnings)
      throws DockerfileException {
    if (arguments.isEmpty()) {
      return null;
    }
    ExecFormJson.Result json = ExecFormJson.read(arguments);
    switch (json.outcome()) {
      case STRINGS -> {
        if (json.trailing()) {
          warnings.add(
              "Text after the JSON array of "
                  + keyword
                  + ": '"
                  + arguments
                  + "' at "
                  + location
                  + "; Docker ignores everything after ']', move it into the array or remove it");
        }
        return json.strings();
      }
      case UNTERMINATED, NOT_JSON -> {
        boolean unterminated = json.outcome() == ExecFormJson.Outcome.UNTERMINATED;
        if (unterminated || SINGLE_QUOTED.matcher(arguments).find()) {
          warnings.add(
              "Exec form of "
                  + keyword
                  + " is not valid JSON: '"
                  + arguments
                  + "' at "
                  + location
                  + "; Docker runs it as shell form, write [\"executable\", \"param\"] with"
                  + " double quotes and a closing ']'");
        }
        return null;
      }
      default ->
          throw new DockerfileException(
              "JSON array of " + keyword + " holds more than strings",
              arguments,
              location,
              "quote every element, e.g. [\"java\", \"-jar\", \"app.jar\"]");
    }
  }
}
