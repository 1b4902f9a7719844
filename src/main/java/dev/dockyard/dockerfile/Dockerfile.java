package dev.dockyard.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile: its instructions in order, nothing substituted yet.
 *
 * @param instructions every instruction, in file order (comments and directives dropped)
 * @param fileName the name used in {@link Location}s
 * @param escape the escape character: {@code \} unless an {@code # escape=} directive says {@code
 *     `}
 * @param warnings what Docker accepts but is probably a mistake, each naming file:line
 */
public record Dockerfile(
    List<Instruction> instructions, String fileName, char escape, List<String> warnings) {

  public Dockerfile {
    instructions = List.copyOf(instructions);
    warnings = List.copyOf(warnings);
  }

  /** Whether any instruction has here-documents. */
  public boolean hasHeredocs() {
    return instructions.stream().anyMatch(Instruction::hasHeredocs);
  }

  /** The FROM instructions, one per build stage. */
  public List<Instruction> froms() {
    return instructions.stream().filter(i -> i.is("FROM")).toList();
  }
}
