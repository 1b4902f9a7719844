package dev.dockyard.dockerfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The variables a Dockerfile defines at each instruction, as BuildKit scopes them: ARGs before the
 * first FROM are global and reach a stage only through a bare {@code ARG NAME}; ARG and ENV inside
 * a stage last until the next FROM; build arguments override ARG defaults.
 */
final class StageVariables {

  private final char escape;
  private final Map<String, String> buildArgs;
  private final Map<String, String> global = new HashMap<>();
  private Map<String, String> stage;

  StageVariables(char escape, Map<String, String> buildArgs) {
    this.escape = escape;
    this.buildArgs = buildArgs;
  }

  /** Takes in what the instruction defines, if anything. */
  void apply(Instruction instruction) throws DockerfileException {
    switch (instruction.keyword()) {
      case "FROM" -> stage = new HashMap<>();
      case "ARG" -> {
        Map<String, String> scope = stage != null ? stage : global;
        for (KeyValue declaration : instruction.argDeclarations()) {
          String key = declaration.key();
          String value;
          if (buildArgs.containsKey(key)) {
            value = buildArgs.get(key);
          } else if (declaration.value() != null) {
            value = substitute(instruction, declaration.value(), scope);
          } else {
            value = stage != null ? global.get(key) : null;
          }
          if (value != null) {
            scope.put(key, value);
          }
        }
      }
      case "ENV" -> {
        if (stage != null) {
          Map<String, String> resolved = new HashMap<>();
          for (KeyValue pair : instruction.keyValues()) {
            resolved.put(
                substitute(instruction, pair.key(), stage),
                substitute(instruction, pair.value(), stage));
          }
          stage.putAll(resolved);
        }
      }
      default -> {
        // nothing else defines variables
      }
    }
  }

  /**
   * A heredoc's content as BuildKit copies it: variables substituted (quotes left alone) unless the
   * delimiter was quoted.
   *
   * @throws DockerfileException when the content uses a variable the Dockerfile does not define,
   *     which only the base image could (its environment is not known here)
   */
  String heredocContent(Instruction instruction, Heredoc heredoc) throws DockerfileException {
    Map<String, String> scope = stage != null ? stage : global;
    String[] unknown = {null};
    String content;
    try {
      content =
          heredoc.expanded(
              name -> {
                String value = scope.get(name);
                if (value == null && unknown[0] == null) {
                  unknown[0] = name;
                }
                return value;
              });
    } catch (ShellLexer.SubstitutionException e) {
      throw new DockerfileException(
          e.what() + " in " + instruction.keyword(),
          "<<" + heredoc.name(),
          instruction.location(),
          e.fix(),
          e);
    }
    if (unknown[0] != null) {
      throw new DockerfileException(
          "Heredoc of " + instruction.keyword() + " uses a variable the Dockerfile does not define",
          "$" + unknown[0],
          instruction.location(),
          "declare it with ARG or ENV before this line, or quote the delimiter (<<'"
              + heredoc.name()
              + "') to copy the text as written");
    }
    return content;
  }

  private String substitute(Instruction instruction, String word, Map<String, String> scope)
      throws DockerfileException {
    try {
      return new ShellLexer(escape, scope::get).word(word);
    } catch (ShellLexer.SubstitutionException e) {
      throw new DockerfileException(
          e.what() + " in " + instruction.keyword(), word, instruction.location(), e.fix(), e);
    }
  }
}
