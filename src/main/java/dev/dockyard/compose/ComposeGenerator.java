package dev.dockyard.compose;

import dev.dockyard.setting.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose file of a release from the services' settings: images pinned by digest, container
 * names and ports of the release, bind mounts in long syntax pointing into the bundle, and
 * healthchecks that need only the image's Java.
 */
final class ComposeGenerator {

  static final String HEALTH_FOLDER = "/opt/dockyard/health";
  static final String HEALTH_CLASS = "dev.dockyard.compose.health.DockyardHealth";

  private ComposeGenerator() {}

  /**
   * The compose document.
   *
   * @param binds the bundle path ({@code ./files/...}) of each bind-mount source, by member and
   *     volume text
   */
  static Map<String, Object> compose(
      String releaseName, int offset, List<Member> members, Map<String, Map<String, String>> binds)
      throws BundleException {
    Map<String, Object> services = new LinkedHashMap<>();
    for (Member member : members) {
      services.put(member.artifactId(), service(releaseName, offset, member, members, binds));
    }
    Map<String, Object> compose = new LinkedHashMap<>();
    compose.put("services", services);
    List<String> named = namedVolumes(members);
    if (!named.isEmpty()) {
      Map<String, Object> volumes = new LinkedHashMap<>();
      named.forEach(name -> volumes.put(name, new LinkedHashMap<>()));
      compose.put("volumes", volumes);
    }
    return compose;
  }

  private static Map<String, Object> service(
      String releaseName,
      int offset,
      Member member,
      List<Member> members,
      Map<String, Map<String, String>> binds)
      throws BundleException {
    Service service = member.service();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("image", member.image());
    out.put("container_name", releaseName + "-" + member.artifactId());
    out.put("restart", service.restart());
    Integer hostPort = member.hostPort(offset);
    putNetwork(out, service, hostPort);
    Map<String, String> environment = environment(service, hostPort);
    if (!environment.isEmpty()) {
      out.put("environment", environment);
    }
    Map<String, Object> health = healthcheck(member, offset);
    List<Object> volumes = volumes(member, binds.get(member.artifactId()), health != null);
    if (!volumes.isEmpty()) {
      out.put("volumes", volumes);
    }
    if (!service.dependsOn().isEmpty()) {
      out.put("depends_on", dependsOn(member, members, offset));
    }
    if (health != null) {
      out.put("healthcheck", health);
    }
    return out;
  }

  /** Host networking, else the service's network and its published port. */
  private static void putNetwork(Map<String, Object> out, Service service, Integer hostPort) {
    if (service.hostNetwork()) {
      out.put("network_mode", "host");
    } else {
      out.put("network_mode", service.networkMode());
      if (hostPort != null) {
        out.put("ports", List.of(hostPort + ":" + service.port()));
      }
    }
  }

  /** The service's variables; on the host network, also the port it must listen on. */
  private static Map<String, String> environment(Service service, Integer hostPort) {
    Map<String, String> environment = new LinkedHashMap<>(service.environment());
    if (service.hostNetwork() && hostPort != null) {
      environment.put(service.portVariable(), Integer.toString(hostPort));
    }
    return environment;
  }

  /**
   * The volumes in compose syntax: bind mounts in long syntax pointing into the bundle, named
   * volumes in short syntax, and the bundle's health class when the healthcheck asks an HTTP path.
   *
   * @param bundlePaths the bundle path of each bind-mount source, by volume text
   */
  private static List<Object> volumes(
      Member member, Map<String, String> bundlePaths, boolean hasHealthcheck)
      throws BundleException {
    Service service = member.service();
    List<Object> volumes = new ArrayList<>();
    for (Service.Volume volume : service.parsedVolumes(member.artifactId())) {
      if (volume.isBind()) {
        volumes.add(bind(bundlePaths.get(volume.text()), volume.target(), volume.readOnly()));
      } else {
        volumes.add(volume.source() + ":" + volume.target() + (volume.readOnly() ? ":ro" : ""));
      }
    }
    if (hasHealthcheck && service.healthPath() != null) {
      volumes.add(bind("./health", HEALTH_FOLDER, true));
    }
    return volumes;
  }

  private static Map<String, Object> bind(String source, String target, boolean readOnly) {
    Map<String, Object> bind = new LinkedHashMap<>();
    bind.put("type", "bind");
    bind.put("source", source);
    bind.put("target", target);
    bind.put("read_only", readOnly);
    return bind;
  }

  /** Each dependency waits until healthy when it has a healthcheck, else until started. */
  private static Map<String, Object> dependsOn(Member member, List<Member> members, int offset)
      throws BundleException {
    Map<String, Object> dependsOn = new LinkedHashMap<>();
    for (String name : member.service().dependsOn()) {
      Member dependency = find(members, name, member);
      dependsOn.put(
          name,
          Map.of(
              "condition",
              healthcheck(dependency, offset) != null ? "service_healthy" : "service_started"));
    }
    return dependsOn;
  }

  /** The healthcheck: the HTTP path asked by the bundle's health class, or the user's command. */
  static Map<String, Object> healthcheck(Member member, int offset) {
    Service service = member.service();
    List<String> test;
    if (service.healthCommand() != null) {
      test = List.of("CMD-SHELL", service.healthCommand());
    } else if (service.healthPath() != null && service.port() != null) {
      int port = service.hostNetwork() ? member.hostPort(offset) : service.port();
      String path =
          service.healthPath().startsWith("/") ? service.healthPath() : "/" + service.healthPath();
      test =
          List.of(
              "CMD", "java", "-cp", HEALTH_FOLDER, HEALTH_CLASS, "http://127.0.0.1:" + port + path);
    } else {
      return null;
    }
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("test", test);
    health.put("interval", "5s");
    health.put("timeout", "5s");
    health.put("retries", 30);
    health.put("start_period", "10s");
    return health;
  }

  private static Member find(List<Member> members, String name, Member of) throws BundleException {
    for (Member member : members) {
      if (member.artifactId().equals(name)) {
        return member;
      }
    }
    List<String> names = members.stream().map(Member::artifactId).toList();
    throw new BundleException(
        "Unknown service '"
            + name
            + "' in "
            + Setting.SERVICE_DEPENDS_ON.element()
            + " of "
            + of.service().pom()
            + "; the release's services are "
            + String.join(", ", names)
            + "; name one of them (an image module's artifactId)");
  }

  private static List<String> namedVolumes(List<Member> members) throws BundleException {
    List<String> names = new ArrayList<>();
    for (Member member : members) {
      for (Service.Volume volume : member.service().parsedVolumes(member.artifactId())) {
        if (!volume.isBind() && !names.contains(volume.source())) {
          names.add(volume.source());
        }
      }
    }
    return names;
  }

  /** The bundle path of a bind source: under {@code files/<artifactId>/}, as in the module. */
  static String bundlePath(String artifactId, Path moduleDir, Path source) {
    Path relative = moduleDir.relativize(source).normalize();
    String inBundle =
        relative.startsWith("..") || relative.isAbsolute()
            ? source.getFileName().toString()
            : relative.toString().replace('\\', '/');
    return "./files/" + artifactId + "/" + inBundle;
  }
}
