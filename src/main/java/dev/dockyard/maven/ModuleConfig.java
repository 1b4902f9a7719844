package dev.dockyard.maven;

import dev.dockyard.dockerfile.ImageSettings;
import dev.dockyard.registry.ImageNaming;
import dev.dockyard.registry.RegistrySettings;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.StringUtils;

/**
 * One module's effective configuration, typed for the core: the POM's values with every {@code
 * -Ddockyard.<name>} applied on top, and {@code ${project.*}} in those values resolved for this
 * module, so a reactor-wide {@code -Ddockyard.repository=team-${project.artifactId}} names each
 * module apart. Each setting is declared once, as a parameter of {@link DockyardMojo} (its Javadoc
 * is the {@code help} text), and read once, in {@link #from}.
 *
 * @param skip {@code <skip>}: every goal skips the module
 * @param skipPush {@code <skipPush>}: build, don't push
 * @param modules {@code <modules>}: which modules become images
 * @param dockerfile {@code <dockerfile>}: the module's own template
 * @param dockerfileTemplate {@code <dockerfileTemplate>}: the template of modules without one
 * @param naming how the image is named, tagged and compared
 * @param image what a generated Dockerfile is made of
 * @param build how the image is built
 * @param registries how registries are reached
 * @param release how the reactor's images are released together
 */
record ModuleConfig(
    boolean skip,
    boolean skipPush,
    String modules,
    File dockerfile,
    File dockerfileTemplate,
    ImageNaming naming,
    ImageSettings image,
    Build build,
    RegistrySettings registries,
    Release release) {

  /**
   * How the image is built.
   *
   * @param engine {@code <engine>}: auto, jib or docker
   * @param buildArgs {@code <buildArgs>}: values for the Dockerfile's ARGs
   * @param target {@code <target>}: the stage a Docker engine stops at, null for the last
   * @param tarball {@code <tarball>}: whether build writes image.tar, null for auto
   */
  record Build(String engine, Map<String, String> buildArgs, String target, String tarball) {}

  /**
   * How the reactor's images are released together.
   *
   * @param pushAtEnd {@code <pushAtEnd>}: tags move after the reactor's last module
   * @param bundle the release bundle's settings
   */
  record Release(boolean pushAtEnd, ReactorState.BundleSettings bundle) {}

  static ModuleConfig from(DockyardMojo mojo) throws MojoFailureException {
    Overrides o = new Overrides(mojo.session.getUserProperties(), mojo.project);
    return new ModuleConfig(
        o.bool("skip", mojo.skip),
        o.bool("skipPush", mojo.skipPush),
        o.string("modules", mojo.modules),
        o.file("dockerfile", mojo.dockerfile),
        o.file("dockerfileTemplate", mojo.dockerfileTemplate),
        new ImageNaming(
            o.string("registry", mojo.registry),
            o.string("namespace", mojo.namespace),
            o.string("repository", mojo.repository),
            o.list("tags", mojo.tags),
            o.bool("latest", mojo.latest),
            o.string("since", mojo.since)),
        new ImageSettings(
            o.string("from", mojo.from),
            o.list("ports", mojo.ports),
            o.map("env", mojo.env),
            o.map("label", mojo.labels),
            o.list("jvmFlags", mojo.jvmFlags),
            o.string("user", mojo.user),
            o.string("workdir", mojo.workdir),
            o.list("entrypoint", mojo.entrypoint),
            o.list("cmd", mojo.cmd),
            o.string("mainClass", mojo.mainClass)),
        new Build(
            o.string("engine", mojo.engine),
            o.map("buildArg", mojo.buildArgs),
            o.string("target", mojo.target),
            o.string("tarball", mojo.tarball)),
        new RegistrySettings(
            o.list("insecureRegistries", mojo.insecureRegistries),
            o.map("mirror", mojo.mirrors),
            o.paths("caCertificates", mojo.caCertificates),
            o.string("credentialHelperTimeout", mojo.credentialHelperTimeout),
            o.string("registryRetryTime", mojo.registryRetryTime)),
        new Release(
            o.bool("pushAtEnd", mojo.pushAtEnd),
            new ReactorState.BundleSettings(
                o.string("releaseName", mojo.releaseName),
                o.string("portOffset", mojo.portOffset == null ? null : mojo.portOffset.toString()),
                o.bool("skipCompose", mojo.skipCompose))));
  }

  /** The registry images are pushed to, or null when none is set. */
  String registry() {
    return naming.registry();
  }

  /**
   * The file {@code -Ddockyard.<name>} names for one module, resolved as its other values are
   * ({@code ${project.*}}, then against the module directory); empty when the property is unset.
   */
  static Optional<File> fileProperty(Properties user, MavenProject project, String name) {
    String value = user.getProperty("dockyard." + name);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Overrides(user, project).file(name, null));
  }

  /** Reads {@code -Ddockyard.*} user properties and resolves them for one module. */
  private static final class Overrides {

    private final Properties user;
    private final Map<String, String> projectValues = new HashMap<>();
    private final MavenProject project;

    Overrides(Properties user, MavenProject project) {
      this.user = user;
      this.project = project;
      project.getProperties().forEach((k, v) -> projectValues.put(k.toString(), v.toString()));
      projectValues.put("project.artifactId", project.getArtifactId());
      projectValues.put("project.groupId", project.getGroupId());
      projectValues.put("project.version", project.getVersion());
      projectValues.put("project.name", String.valueOf(project.getName()));
    }

    private String raw(String name) {
      String value = user.getProperty("dockyard." + name);
      return value == null ? null : StringUtils.interpolate(value, projectValues);
    }

    String string(String name, String pomValue) {
      String value = raw(name);
      String chosen = value != null ? value : pomValue;
      return chosen == null || chosen.isBlank() ? null : chosen.trim();
    }

    boolean bool(String name, boolean pomValue) throws MojoFailureException {
      String value = raw(name);
      if (value == null) {
        return pomValue;
      }
      String word = value.trim().toLowerCase(Locale.ROOT);
      if (word.isEmpty() || word.equals("true")) {
        return true;
      }
      if (word.equals("false")) {
        return false;
      }
      throw new MojoFailureException(
          "Invalid -Ddockyard."
              + name
              + ": '"
              + value
              + "' is not a boolean; use -Ddockyard."
              + name
              + "=true or =false (-Ddockyard."
              + name
              + " alone means true)");
    }

    File file(String name, File pomValue) {
      String value = raw(name);
      if (value == null) {
        return pomValue;
      }
      return inModule(value.trim()).toFile();
    }

    /** A list of files, each resolved against the module directory. */
    List<Path> paths(String name, List<String> pomValue) {
      List<Path> paths = new ArrayList<>();
      for (String item : list(name, pomValue)) {
        paths.add(inModule(item));
      }
      return List.copyOf(paths);
    }

    /** A path as written, relative ones against the module directory. */
    private Path inModule(String value) {
      Path path = Path.of(value);
      return path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path);
    }

    List<String> list(String name, List<String> pomValue) {
      String value = raw(name);
      List<String> result = new ArrayList<>();
      if (value != null) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            result.add(item.trim());
          }
        }
      } else if (pomValue != null) {
        for (String item : pomValue) {
          if (item != null && !item.isBlank()) {
            result.add(item.trim());
          }
        }
      }
      return List.copyOf(result);
    }

    /** The POM's map plus every {@code -Ddockyard.<prefix>.NAME=value}. */
    Map<String, String> map(String prefix, Map<String, String> pomValue) {
      Map<String, String> result = new LinkedHashMap<>();
      if (pomValue != null) {
        pomValue.forEach((k, v) -> result.put(k, v == null ? "" : v));
      }
      String start = "dockyard." + prefix + ".";
      user.stringPropertyNames().stream()
          .filter(key -> key.startsWith(start) && key.length() > start.length())
          .sorted()
          .forEach(key -> result.put(key.substring(start.length()), raw(key.substring(9))));
      return result;
    }
  }
}
