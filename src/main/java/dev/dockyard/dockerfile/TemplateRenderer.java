package dev.dockyard.dockerfile;

import dev.dockyard.setting.Setting;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders a Dockerfile template: {@code ${dotted.name}} placeholders are replaced by known values;
 * undotted ones ({@code ${JAVA_OPTS}}, {@code $VAR}) and escaped ones ({@code \${x.y}}) are left
 * for Docker.
 *
 * <p>Inserted values are taken literally, never expanded again. A {@code $} preceded by an odd
 * number of backslashes is escaped, as Docker reads it with the default escape character.
 */
public final class TemplateRenderer {

  private TemplateRenderer() {}

  /**
   * Renders one template.
   *
   * @param template the template text
   * @param file the template's path as users should read it in errors
   * @param values every known placeholder value by name: project and user properties and the {@code
   *     dockyard.*} values; null values count as undefined
   * @throws DockerfileException for a dotted placeholder that is unknown or not closed
   */
  public static String render(String template, String file, Map<String, String> values)
      throws DockerfileException {
    Objects.requireNonNull(template, "template");
    Map<String, String> known = new TreeMap<>();
    values.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            known.put(name, value);
          }
        });
    StringBuilder out = new StringBuilder(template.length());
    int line = 1;
    int backslashes = 0;
    int n = template.length();
    int i = 0;
    while (i < n) {
      char c = template.charAt(i);
      boolean placeholderStart =
          c == '$' && i + 1 < n && template.charAt(i + 1) == '{' && backslashes % 2 == 0;
      if (placeholderStart) {
        int end = i + 2;
        while (end < n && isNameChar(template.charAt(end))) {
          end++;
        }
        String name = template.substring(i + 2, end);
        if (isDotted(name)) {
          if (end < n && template.charAt(end) == '}') {
            out.append(valueOf(name, known, new Location(file, line)));
            i = end + 1;
            backslashes = 0;
            continue;
          }
          if (end == n || template.charAt(end) == '\n' || template.charAt(end) == '\r') {
            throw new DockerfileException(
                "Unterminated placeholder",
                template.substring(i, end),
                new Location(file, line),
                "close it with '}'");
          }
        }
      }
      out.append(c);
      backslashes = c == '\\' ? backslashes + 1 : 0;
      if (c == '\n') {
        line++;
      }
      i++;
    }
    return out.toString();
  }

  private static String valueOf(String name, Map<String, String> known, Location location)
      throws DockerfileException {
    String value = known.get(name);
    if (value != null) {
      return value;
    }
    String placeholder = "${" + name + "}";
    String leaveForDocker = "\\" + placeholder;
    String nearest = NearestName.of(name, known.keySet());
    String fix =
        nearest != null
            ? "did you mean ${" + nearest + "}? To leave it for Docker, write " + leaveForDocker
            : "define "
                + name
                + " in "
                + Setting.PROJECT_PROPERTIES.element()
                + " or with "
                + Setting.PROJECT_PROPERTIES.property()
                + name
                + "=..., or write "
                + leaveForDocker
                + " to leave it for Docker";
    throw new DockerfileException("Unknown placeholder", placeholder, location, fix);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  /** A Maven-style property name: contains a dot, does not start or end with one. */
  private static boolean isDotted(String name) {
    return name.indexOf('.') > 0 && !name.endsWith(".");
  }
}
