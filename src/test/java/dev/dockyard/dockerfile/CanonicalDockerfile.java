package dev.dockyard.dockerfile;

import java.util.List;

/**
 * Writes a parsed Dockerfile back as text in one canonical form (one line per instruction, flags as
 * {@code --name=value}, heredoc bodies after their line), for the fuzz tests' round trip: what this
 * writes must parse to the same instructions.
 */
final class CanonicalDockerfile {

  private CanonicalDockerfile() {}

  static String render(Dockerfile dockerfile) {
    StringBuilder text = new StringBuilder();
    if (dockerfile.escape() != '\\') {
      text.append("# escape=").append(dockerfile.escape()).append('\n');
    }
    for (Instruction instruction : dockerfile.instructions()) {
      text.append(instruction.keyword());
      instruction
          .flags()
          .forEach(
              (name, values) ->
                  values.forEach(v -> text.append(" --").append(name).append('=').append(flag(v))));
      String arguments = instruction.arguments();
      if (arguments.startsWith("--")) {
        text.append(" --");
      }
      if (!arguments.isEmpty()) {
        text.append(' ').append(arguments);
      }
      // arguments may end with the escape character when blanks other than space and tab (which
      // never continue a line) followed it; a form feed keeps it from continuing the line here
      if (arguments.endsWith(String.valueOf(dockerfile.escape()))) {
        text.append('\f');
      }
      text.append('\n');
      for (Heredoc heredoc : instruction.heredocs()) {
        text.append(heredoc.content()).append(heredoc.name()).append('\n');
      }
    }
    return text.toString();
  }

  /** What makes two parses the same: every instruction without its place in the file. */
  static List<List<Object>> shape(Dockerfile dockerfile) {
    return dockerfile.instructions().stream()
        .map(
            i ->
                List.<Object>of(
                    i.keyword(),
                    i.flags(),
                    i.arguments(),
                    i.execForm() == null ? "shell form" : i.execForm(),
                    i.escape(),
                    i.heredocs()))
        .toList();
  }

  /** A flag value written so that flag extraction reads it back unchanged. */
  private static String flag(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
