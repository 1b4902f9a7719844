package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rewrites the heredocs of a Dockerfile into instructions every Docker engine runs, the classic
 * builder and older BuildKit frontends included, doing what BuildKit does with them: a {@code RUN
 * <<EOF} runs its content with the stage's shell (or, when it starts with {@code #!}, as an
 * executable file under {@code /dev/pipes/}); any other heredoc RUN gives the shell the command
 * with its heredocs attached; a {@code COPY <<EOF} copies a file with that content, which this
 * class adds to the build context. Every rewritten instruction keeps its first line and the lines
 * it covered stay blank, so line numbers and step numbers do not move.
 */
public final class HeredocLowering {

  /** Where the files of COPY and ADD heredocs go in the build context sent to the engine. */
  public static final String INLINE_DIR = ".dockyard-heredoc";

  private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  /**
   * The rewritten Dockerfile.
   *
   * @param text the Dockerfile text for the engine
   * @param files context-relative path to content of every file the rewritten COPY/ADD read
   */
  public record Lowered(String text, Map<String, String> files) {}

  private final Dockerfile dockerfile;
  private final StageVariables variables;
  private final Map<String, List<String>> stageShells = new HashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Function<String, List<String>> baseShell;
  private List<String> shell = DEFAULT_SHELL;
  private String stage;

  private HeredocLowering(
      Dockerfile dockerfile,
      Map<String, String> buildArgs,
      Function<String, List<String>> baseShell) {
    this.dockerfile = dockerfile;
    this.baseShell = baseShell;
    this.variables = new StageVariables(dockerfile.escape(), buildArgs);
  }

  /**
   * Rewrites {@code text}, the source of {@code dockerfile}.
   *
   * @param buildArgs the build arguments, for variables in COPY heredocs
   * @throws DockerfileException when a COPY heredoc uses a variable only the base image defines
   */
  public static Lowered lower(String text, Dockerfile dockerfile, Map<String, String> buildArgs)
      throws DockerfileException {
    return lower(text, dockerfile, buildArgs, image -> null);
  }

  /**
   * Rewrites {@code text}, the source of {@code dockerfile}, running a stage's RUN heredocs with
   * the shell its base image's config names until the stage sets its own.
   *
   * @param baseShell the shell of a FROM line's image (as written there), null for none
   */
  public static Lowered lower(
      String text,
      Dockerfile dockerfile,
      Map<String, String> buildArgs,
      Function<String, List<String>> baseShell)
      throws DockerfileException {
    return new HeredocLowering(dockerfile, buildArgs, baseShell).run(text);
  }

  private Lowered run(String text) throws DockerfileException {
    String[] lines = text.split("\n", -1);
    for (Instruction instruction : dockerfile.instructions()) {
      track(instruction);
      if (!instruction.hasHeredocs()) {
        continue;
      }
      int first = instruction.location().line() - 1;
      lines[first] = lowered(instruction);
      for (int i = first + 1; i < instruction.endLine() && i < lines.length; i++) {
        lines[i] = "";
      }
    }
    return new Lowered(String.join("\n", lines), Map.copyOf(files));
  }

  private void track(Instruction instruction) throws DockerfileException {
    variables.apply(instruction);
    if (instruction.is("FROM")) {
      List<String> words = instruction.words();
      String from = words.get(0);
      shell = stageShells.get(from.toLowerCase(Locale.ROOT));
      if (shell == null) {
        List<String> own = baseShell.apply(from);
        shell = own == null ? DEFAULT_SHELL : own;
      }
      stage = words.size() == 3 ? words.get(2).toLowerCase(Locale.ROOT) : null;
      if (stage != null) {
        stageShells.put(stage, shell);
      }
    } else if (instruction.is("SHELL") && instruction.isExecForm()) {
      shell = instruction.execForm();
      if (stage != null) {
        stageShells.put(stage, shell);
      }
    }
  }

  private String lowered(Instruction instruction) throws DockerfileException {
    if (instruction.is("ONBUILD")) {
      String[] split = instruction.arguments().split("[\\t\\u000B\\f\\r ]+", 2);
      String keyword = split[0].toUpperCase(Locale.ROOT);
      String rest = split.length > 1 ? split[1] : "";
      List<String> flagWords = new ArrayList<>();
      String arguments = InstructionFlags.extract(rest, flagWords).strip();
      Instruction trigger =
          new Instruction(
              keyword,
              instruction.location(),
              InstructionFlags.parse(keyword, flagWords, instruction.location()),
              arguments,
              null,
              instruction.escape(),
              instruction.heredocs(),
              instruction.endLine());
      return "ONBUILD " + lowered(trigger);
    }
    String head = instruction.keyword() + flags(instruction) + " ";
    return head + json(instruction.is("RUN") ? runArgv(instruction) : copyItems(instruction));
  }

  /** What BuildKit runs for a RUN with heredocs (its dispatchRun). */
  private List<String> runArgv(Instruction instruction) {
    List<Heredoc> heredocs = instruction.heredocs();
    String command = instruction.arguments();
    List<String> argv = new ArrayList<>(shell);
    if (Heredoc.ofWord(command) == null) {
      StringBuilder full = new StringBuilder(command);
      for (Heredoc heredoc : heredocs) {
        full.append('\n').append(heredoc.content()).append(heredoc.name());
      }
      argv.add(full.toString());
      return argv;
    }
    Heredoc heredoc = heredocs.get(0);
    String data = heredoc.text();
    if (!data.startsWith("#!")) {
      argv.add(data);
      return argv;
    }
    // a script with an interpreter line runs as an executable file, as BuildKit mounts it
    return List.of(
        "/bin/sh",
        "-c",
        "mkdir -p /dev/pipes && printf '%s' \"$1\" > \"/dev/pipes/$0\""
            + " && chmod 0755 \"/dev/pipes/$0\" && exec \"/dev/pipes/$0\"",
        heredoc.name(),
        data);
  }

  /** The COPY/ADD items with each heredoc replaced by a file added to the build context. */
  private List<String> copyItems(Instruction instruction) throws DockerfileException {
    List<String> items = new ArrayList<>(instruction.listForm());
    List<Heredoc> heredocs = instruction.sourceHeredocs();
    for (int i = 0; i < heredocs.size(); i++) {
      Heredoc heredoc = heredocs.get(i);
      if (heredoc != null) {
        String path =
            INLINE_DIR + "/" + instruction.location().line() + "/" + i + "/" + heredoc.name();
        files.put(path, variables.heredocContent(instruction, heredoc));
        items.set(i, path);
      }
    }
    return items;
  }

  private static String flags(Instruction instruction) {
    StringBuilder text = new StringBuilder();
    instruction
        .flags()
        .forEach(
            (name, values) ->
                values.forEach(v -> text.append(" --").append(name).append('=').append(v)));
    return text.toString();
  }

  /** A JSON array of strings, as the exec form reads it. */
  static String json(List<String> strings) {
    StringBuilder out = new StringBuilder("[");
    for (String value : strings) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"');
      for (int i = 0; i < value.length(); i++) {
        char ch = value.charAt(i);
        switch (ch) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (ch < 0x20) {
              out.append(String.format("\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }
}
