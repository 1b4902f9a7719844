package dev.dockyard.setting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.maven.SettingNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Values in the core, names at the edge: no string literal outside {@code maven/} spells a Maven
 * name of a setting; the core names settings through {@link Setting} and the Maven layer adds the
 * words.
 */
class CoreTextTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/dockyard");

  /** An instruction's usage as the Dockerfile reference writes it: {@code USER <user>}. */
  private static final Pattern DOCKERFILE_USAGE = Pattern.compile("[A-Z]+ [\\[<].*");

  @Test
  void noCoreLiteralSpellsAMavenNameOfASetting() throws IOException {
    Set<String> names = mavenNames();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = SOURCES.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("maven/")) {
          continue;
        }
        for (Literal literal : literals(Files.readString(file, StandardCharsets.UTF_8))) {
          if (DOCKERFILE_USAGE.matcher(literal.text()).matches()) {
            continue; // Docker's own usage lines ("USER <user>[:<group>]") use Docker's words
          }
          for (String name : names) {
            if (literal.text().contains(name)) {
              found.add(
                  file + ":" + literal.line() + " spells " + name + ": \"" + literal.text() + "\"");
            }
          }
        }
      }
    }
    assertThat(found).as("core literals that spell Maven names; use Setting instead").isEmpty();
  }

  @Test
  void theScanFindsAMavenNameInALiteralButNotInACommentOrJavadoc() {
    String source =
        "/** Reads {@code <registry>}. */\n"
            + "class X {\n"
            + "  // or -Ddockyard.registry\n"
            + "  /* <registry> */\n"
            + "  String a = \"at <registry> / -Ddockyard.registry\";\n"
            + "  char c = '\"';\n"
            + "  String b = \"quote \\\" then <from>\";\n"
            + "}\n";

    List<Literal> literals = literals(source);

    assertThat(literals)
        .containsExactly(
            new Literal("at <registry> / -Ddockyard.registry", 5),
            new Literal("quote \\\" then <from>", 7));
    assertThat(mavenNames()).contains("<registry>", "-Ddockyard.", "<from>", "settings.xml");
  }

  /** Every element, file and expression the Maven layer writes for a setting, and its -D prefix. */
  private static Set<String> mavenNames() {
    Set<String> names = new LinkedHashSet<>(List.of("-Ddockyard.", "settings.xml", "${project."));
    for (Setting setting : Setting.values()) {
      for (String marker : List.of(setting.element(), setting.expression())) {
        String words = SettingNames.render(marker);
        if (!words.equals(marker)) {
          names.add(words);
        }
      }
    }
    return names;
  }

  record Literal(String text, int line) {}

  /** The string literals of a Java source, escapes as written; comments skipped. */
  static List<Literal> literals(String source) {
    List<Literal> literals = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i);
        i = i < 0 ? source.length() : i;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int start = i;
        boolean block = source.startsWith("\"\"\"", i);
        int end = block ? source.indexOf("\"\"\"", i + 3) : closing(source, i + 1, c);
        end = end < 0 ? source.length() : end;
        if (c == '"') {
          literals.add(new Literal(source.substring(start + (block ? 3 : 1), end), line));
        }
        line += count(source, start, end);
        i = end + (block ? 3 : 1);
      } else {
        line += c == '\n' ? 1 : 0;
        i++;
      }
    }
    return literals;
  }

  private static int closing(String source, int from, char quote) {
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int i = from; i < Math.min(to, source.length()); i++) {
      lines += source.charAt(i) == '\n' ? 1 : 0;
    }
    return lines;
  }
}
