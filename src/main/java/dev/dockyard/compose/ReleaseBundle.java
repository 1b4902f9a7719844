package dev.dockyard.compose;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.TemplateRenderer;
import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The release bundle, {@code target/dockyard/release/}: {@code compose.yaml}, {@code .env}, {@code
 * release.json}, every bind-mounted file, the health class and the gateway's upstreams. It is
 * prepared whole in a folder of its own, checked, and only then put in place, so that a failure
 * leaves the previous bundle as it was.
 */
public final class ReleaseBundle {

  public static final String FOLDER = "release";
  static final String TEMPLATE = "src/main/docker/compose.yaml";

  private final Path staging;
  private final Path destination;
  private final List<String> summary;

  private ReleaseBundle(Path staging, Path destination, List<String> summary) {
    this.staging = staging;
    this.destination = destination;
    this.summary = summary;
  }

  /**
   * What the bundle is made of.
   *
   * @param releaseName the compose project
   * @param portOffset added to every service's port
   * @param members the release's services, in reactor order
   * @param executionRoot the reactor's root folder: the template is looked for there
   * @param properties project and user properties for the template
   * @param releaseJson the release's {@code release.json}, copied in
   */
  public record Input(
      String releaseName,
      int portOffset,
      List<Member> members,
      Path executionRoot,
      Map<String, String> properties,
      Path releaseJson) {}

  /**
   * Writes the bundle into a staging folder beside {@code release/} and checks it.
   *
   * @throws BundleException for a missing or mismatched bind source, two services on one host port,
   *     a bad template; nothing is left behind
   */
  public static ReleaseBundle prepare(Input input) throws BundleException {
    if (!ReleaseNames.isValid(input.releaseName())) {
      throw new BundleException(
          "Invalid release name '"
              + input.releaseName()
              + "' in "
              + Setting.RELEASE_NAME.slashed()
              + "; use lowercase letters, digits, - and _,"
              + " starting with a letter or digit (it is the compose project name)");
    }
    Path dockyard = input.executionRoot().resolve("target").resolve("dockyard");
    Path staging;
    try {
      Files.createDirectories(dockyard);
      staging = Files.createTempDirectory(dockyard, ".release-");
    } catch (IOException e) {
      throw cannotWrite(dockyard, e);
    }
    try {
      List<String> summary = write(input, staging);
      return new ReleaseBundle(staging, dockyard.resolve(FOLDER), summary);
    } catch (BundleException | RuntimeException e) {
      delete(staging);
      throw e;
    } catch (IOException e) {
      delete(staging);
      throw cannotWrite(staging, e);
    }
  }

  private static BundleException cannotWrite(Path folder, IOException e) {
    return new BundleException(
        "Cannot write the release bundle in "
            + folder
            + ": "
            + e
            + "; check that the folder is writable and has space",
        e);
  }

  /** Puts the prepared bundle in place of the previous one; returns its folder. */
  public Path commit() throws BundleException {
    try {
      Path old = null;
      if (Files.exists(destination)) {
        old = Files.createTempDirectory(destination.getParent(), ".release-old-");
        Files.delete(old);
        Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        delete(old);
      }
      return destination;
    } catch (IOException e) {
      delete(staging);
      throw new BundleException(
          "Cannot put the release bundle in place at "
              + destination
              + ": "
              + e
              + "; check that the folder is writable",
          e);
    }
  }

  /** Drops the prepared bundle: the previous one stays. */
  public void discard() {
    delete(staging);
  }

  /** One line per service: its name, host port and image, for the log. */
  public List<String> summary() {
    return summary;
  }

  private static List<String> write(Input input, Path staging) throws BundleException, IOException {
    int offset = input.portOffset();
    List<Member> members = input.members();
    checkPorts(input);
    Map<String, Map<String, String>> binds = copyBinds(members, staging);
    Path template = input.executionRoot().resolve(TEMPLATE);
    String compose;
    if (Files.isRegularFile(template)) {
      compose = ComposeTemplate.render(template, input, staging);
    } else {
      compose = yaml().dump(ComposeGenerator.compose(input.releaseName(), offset, members, binds));
    }
    Files.writeString(staging.resolve("compose.yaml"), compose, StandardCharsets.UTF_8);
    Files.writeString(staging.resolve(".env"), env(input), StandardCharsets.UTF_8);
    if (input.releaseJson() != null && Files.isRegularFile(input.releaseJson())) {
      Files.copy(input.releaseJson(), staging.resolve("release.json"));
    }
    writeHealthClass(staging);
    Path gateway = Files.createDirectories(staging.resolve("gateway"));
    Files.writeString(gateway.resolve("upstreams.conf"), upstreams(input), StandardCharsets.UTF_8);
    List<String> summary = new ArrayList<>();
    for (Member member : members) {
      Integer port = member.hostPort(offset);
      summary.add(
          member.artifactId() + (port == null ? "" : " on port " + port) + ": " + member.image());
    }
    return summary;
  }

  /** No two services of the release on one host port, and every port a port. */
  private static void checkPorts(Input input) throws BundleException {
    Map<Integer, Member> taken = new LinkedHashMap<>();
    for (Member member : input.members()) {
      Integer port = member.hostPort(input.portOffset());
      if (port == null) {
        continue;
      }
      if (member.service().port() < 1 || port > 65535) {
        throw new BundleException(
            "Port "
                + member.service().port()
                + " of service "
                + member.artifactId()
                + " in "
                + Setting.SERVICE_PORT.element()
                + " of "
                + member.service().pom()
                + " is out of range with the release's port offset "
                + input.portOffset()
                + " (host port "
                + port
                + "); use a port from 1 to "
                + (65535 - input.portOffset())
                + ", or set "
                + Setting.PORT_OFFSET.property());
      }
      Member other = taken.putIfAbsent(port, member);
      if (other != null) {
        throw new BundleException(
            "Services "
                + other.artifactId()
                + " and "
                + member.artifactId()
                + " of release "
                + input.releaseName()
                + " both listen on host port "
                + port
                + " ("
                + Setting.SERVICE_PORT.element()
                + " "
                + member.service().port()
                + " in "
                + other.service().pom()
                + " and "
                + member.service().pom()
                + "); give each service a port of its own");
      }
    }
  }

  /**
   * Checks every bind source (it exists, and is a file where the image has a file, a folder where
   * it has a folder) and copies it into {@code files/<artifactId>/}; returns the bundle paths.
   */
  private static Map<String, Map<String, String>> copyBinds(List<Member> members, Path staging)
      throws BundleException, IOException {
    Map<String, Map<String, String>> binds = new LinkedHashMap<>();
    for (Member member : members) {
      Map<String, String> paths = new LinkedHashMap<>();
      Path moduleDir = Path.of(member.service().basedir());
      for (Service.Volume volume : member.service().parsedVolumes(member.artifactId())) {
        if (!volume.isBind()) {
          continue;
        }
        Path source = moduleDir.resolve(volume.source()).normalize();
        String where =
            "volume '"
                + volume.text()
                + "' of service "
                + member.artifactId()
                + " in "
                + Setting.SERVICE_VOLUMES.element()
                + " of "
                + member.service().pom();
        checkSource(source, volume.target(), member.service().imagePaths(), where);
        String inBundle = ComposeGenerator.bundlePath(member.artifactId(), moduleDir, source);
        copy(source, staging.resolve(inBundle.substring(2)));
        paths.put(volume.text(), inBundle);
      }
      binds.put(member.artifactId(), paths);
    }
    return binds;
  }

  /** A bind source exists and has the kind the image has at the target, when the image has one. */
  static void checkSource(Path source, String target, Map<String, String> imagePaths, String where)
      throws BundleException {
    if (!Files.exists(source)) {
      throw new BundleException(
          "Bind-mount source does not exist: "
              + source
              + " for "
              + where
              + "; create it, or fix the path (relative to the module's folder): Docker would"
              + " otherwise start the service with an empty directory in its place");
    }
    String inImage = imagePaths.get(target);
    boolean directory = Files.isDirectory(source);
    if (inImage != null && directory != inImage.equals("directory")) {
      throw new BundleException(
          "Bind-mount source "
              + source
              + " is a "
              + (directory ? "directory" : "file")
              + " but the image has a "
              + inImage
              + " at "
              + target
              + ", for "
              + where
              + "; mount a "
              + inImage
              + " there, or another target path");
    }
  }

  static void copy(Path source, Path destination) throws IOException {
    Files.createDirectories(destination.getParent());
    if (!Files.isDirectory(source)) {
      Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = destination.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String env(Input input) {
    StringBuilder env = new StringBuilder();
    env.append("# Written by dockyard: the compose project of this release\n");
    env.append("COMPOSE_PROJECT_NAME=").append(input.releaseName()).append('\n');
    env.append("DOCKYARD_PORT_OFFSET=").append(input.portOffset()).append('\n');
    return env.toString();
  }

  /** The gateway's upstreams: one per service, named after it, at this release's host port. */
  static String upstreams(Input input) {
    StringBuilder conf = new StringBuilder();
    conf.append("# nginx upstreams of release ")
        .append(input.releaseName())
        .append(", written by dockyard. Include this file in the http block of the gateway\n")
        .append("# and proxy_pass to http://<service>; to switch releases, include another\n")
        .append("# release's file instead and run nginx -s reload.\n");
    for (Member member : input.members()) {
      Integer port = member.hostPort(input.portOffset());
      if (port != null) {
        conf.append("upstream ")
            .append(member.artifactId())
            .append(" {\n    server 127.0.0.1:")
            .append(port)
            .append(";\n}\n");
      }
    }
    return conf.toString();
  }

  private static void writeHealthClass(Path staging) throws IOException {
    String resource = "/" + ComposeGenerator.HEALTH_CLASS.replace('.', '/') + ".class";
    Path file = staging.resolve("health").resolve(resource.substring(1));
    Files.createDirectories(file.getParent());
    try (InputStream in = ReleaseBundle.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the plugin jar lacks " + resource);
      }
      Files.copy(in, file);
    }
  }

  static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(200);
    return new Yaml(new LoaderOptions(), options);
  }

  /** Renders the template's placeholders; an unknown dotted one names file:line and the nearest. */
  static String renderPlaceholders(String text, String file, Map<String, String> values)
      throws BundleException {
    try {
      return TemplateRenderer.render(text, file, values);
    } catch (DockerfileException e) {
      throw new BundleException(e.getMessage(), e);
    }
  }

  private static void delete(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(ReleaseBundle::deleteOne);
    } catch (IOException | UncheckedIOException e) {
      // What is left is a hidden staging folder; the next bundle does not read it.
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
