package dev.dockyard.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's own {@code src/main/docker/compose.yaml} at the execution root, rendered: {@code
 * ${dockyard.image.<artifactId>}} (the pinned image), {@code ${dockyard.port.<artifactId>}} (the
 * service's host port in this release), {@code ${dockyard.releaseName}} and project properties;
 * undotted {@code ${VAR}} are left for compose. The result must be YAML with {@code services}; its
 * relative bind sources (relative to the template's folder) must exist and are copied into the
 * bundle at the same place, and no two services publish one host port.
 */
final class ComposeTemplate {

  private ComposeTemplate() {}

  static String render(Path template, ReleaseBundle.Input input, Path staging)
      throws BundleException, IOException {
    String file = ReleaseBundle.TEMPLATE;
    Map<String, String> values = new LinkedHashMap<>(input.properties());
    values.put("dockyard.releaseName", input.releaseName());
    Map<String, Member> byName = new LinkedHashMap<>();
    for (Member member : input.members()) {
      byName.put(member.artifactId(), member);
      values.put("dockyard.image." + member.artifactId(), member.image());
      Integer port = member.hostPort(input.portOffset());
      if (port != null) {
        values.put("dockyard.port." + member.artifactId(), Integer.toString(port));
      }
    }
    String text = Files.readString(template, StandardCharsets.UTF_8);
    String rendered = ReleaseBundle.renderPlaceholders(text, file, values);
    Object parsed = ComposeYaml.read(rendered, file);
    if (!(parsed instanceof Map<?, ?> root)
        || !(root.get("services") instanceof Map<?, ?> services)) {
      throw new BundleException(
          "The compose template "
              + file
              + " has no 'services' mapping; write services: with one entry per service");
    }
    Map<String, String> hostPorts = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : services.entrySet()) {
      String name = String.valueOf(entry.getKey());
      if (!(entry.getValue() instanceof Map<?, ?> service)) {
        continue;
      }
      checkPorts(name, service, hostPorts, file);
      Member member = byName.get(name);
      Map<String, String> imagePaths = member == null ? Map.of() : member.service().imagePaths();
      if (service.get("volumes") instanceof List<?> volumes) {
        for (Object volume : volumes) {
          bind(volume, name, template.getParent(), staging, imagePaths, file);
        }
      }
    }
    return rendered;
  }

  private static void checkPorts(
      String name, Map<?, ?> service, Map<String, String> hostPorts, String file)
      throws BundleException {
    if (!(service.get("ports") instanceof List<?> ports)) {
      return;
    }
    for (Object port : ports) {
      String text = String.valueOf(port instanceof Map<?, ?> m ? m.get("published") : port);
      String[] parts = text.split(":");
      if (parts.length < 2 && !(port instanceof Map<?, ?>)) {
        continue;
      }
      String host = port instanceof Map<?, ?> ? text : parts[parts.length - 2];
      String other = hostPorts.putIfAbsent(host, name);
      if (other != null && !other.equals(name)) {
        throw new BundleException(
            "Services "
                + other
                + " and "
                + name
                + " both publish host port "
                + host
                + " in "
                + file
                + "; give each service a port of its own (${dockyard.port.<artifactId>} is the"
                + " service's port in this release)");
      }
    }
  }

  private static void bind(
      Object volume,
      String service,
      Path templateDir,
      Path staging,
      Map<String, String> imagePaths,
      String file)
      throws BundleException, IOException {
    String source;
    String target;
    if (volume instanceof Map<?, ?> map) {
      if (!"bind".equals(map.get("type"))) {
        return;
      }
      source = String.valueOf(map.get("source"));
      target = String.valueOf(map.get("target"));
    } else {
      String[] parts = String.valueOf(volume).split(":");
      if (parts.length < 2 || !(parts[0].contains("/") || parts[0].startsWith("."))) {
        return;
      }
      source = parts[0];
      target = parts[1];
    }
    String where = "volume '" + source + ":" + target + "' of service " + service + " in " + file;
    Path resolved = templateDir.resolve(source).normalize();
    ReleaseBundle.checkSource(resolved, target, imagePaths, where);
    if (Path.of(source).isAbsolute()) {
      return;
    }
    Path relative = templateDir.relativize(resolved);
    if (relative.startsWith("..")) {
      throw new BundleException(
          "Bind-mount source "
              + source
              + " of "
              + where
              + " lies outside "
              + templateDir
              + "; keep bind-mounted files beside the template, so that the bundle carries them");
    }
    ReleaseBundle.copy(resolved, staging.resolve(relative.toString()));
  }
}
