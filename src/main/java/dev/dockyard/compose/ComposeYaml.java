package dev.dockyard.compose;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the rendered compose template as YAML; every syntax error is one line naming where. */
final class ComposeYaml {

  private ComposeYaml() {}

  /** Parses YAML; a syntax error names file:line:column. */
  static Object read(String text, String file) throws BundleException {
    try {
      return ReleaseBundle.yaml().load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String at =
          mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      throw new BundleException(
          "Invalid YAML in the compose template: "
              + oneLine(e.getProblem())
              + " at "
              + at
              + "; fix the YAML there",
          e);
    } catch (YAMLException e) {
      throw new BundleException(
          "Invalid YAML in the compose template "
              + file
              + ": "
              + oneLine(e.getMessage())
              + "; fix the YAML",
          e);
    } catch (RuntimeException e) {
      // snakeyaml reads tagged scalars (!!int abc, !!timestamp x) with the JDK's parsers
      throw new BundleException(
          "Invalid YAML in the compose template "
              + file
              + ": a value does not fit its tag ("
              + oneLine(e.getMessage())
              + "); fix the value or remove its tag (!!int, !!float, !!timestamp, ...)",
          e);
    }
  }

  /** A YAML problem as one line: the character it quotes may be a line break or a tab. */
  private static String oneLine(String problem) {
    return String.valueOf(problem)
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .strip();
  }
}
