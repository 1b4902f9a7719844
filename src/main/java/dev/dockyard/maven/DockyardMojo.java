package dev.dockyard.maven;

import dev.dockyard.dockerfile.EngineRequirement;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.docker.DockerEngine;
import dev.dockyard.engine.jib.JibEngine;
import dev.dockyard.engine.jib.RegistryBaseImages;
import dev.dockyard.engine.jib.RegistryGreeting;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.DockerConfigCredentials;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.report.SummaryRow;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The configuration every dockyard goal shares. Each value can also be given as {@code
 * -Ddockyard.<name>}; such a value wins over the POM and is applied to each module on its own.
 */
abstract class DockyardMojo extends AbstractMojo {

  /** Skips every dockyard goal. */
  @Parameter(property = "dockyard.skip", defaultValue = "false")
  boolean skip;

  /** Builds the images but pushes nothing. */
  @Parameter(property = "dockyard.skipPush", defaultValue = "false")
  boolean skipPush;

  /**
   * Whether tags move at the end of the reactor ({@code -Ddockyard.pushAtEnd}): each module pushes
   * its blobs and manifest by digest at deploy, and the tags of every image are written once after
   * the last module, only if no module of the reactor failed. {@code false} tags each image as its
   * module pushes it.
   */
  @Parameter(property = "dockyard.pushAtEnd", defaultValue = "true")
  boolean pushAtEnd;

  /**
   * The tag of the release each image is compared with ({@code -Ddockyard.since=1.4.2}); default
   * {@code latest}. {@code image.json}, {@code release.json} and the summary say whether the image
   * is {@code new}, {@code changed} or {@code unchanged} since then.
   */
  @Parameter(property = "dockyard.since")
  String since;

  /** The registry images are pushed to, as host[:port], e.g. {@code nexus.corp:5000}. */
  /**
   * How the image runs in the release bundle's compose file: port, environment, volumes, dependsOn,
   * healthcheck, restart, network mode (see {@link ServiceSettings}).
   */
  @Parameter ServiceSettings service;

  /**
   * The release's name ({@code -Ddockyard.releaseName}): the compose project of the bundle and the
   * prefix of its container names; default the root artifactId and version ({@code shop-1.4.2}
   * becomes {@code shop-1-4-2}).
   */
  @Parameter(property = "dockyard.releaseName")
  String releaseName;

  /**
   * Added to every service's port in the bundle ({@code -Ddockyard.portOffset}); default derived
   * from the release name, 100 to 9,900 in steps of 100, so that two releases run side by side.
   */
  @Parameter(property = "dockyard.portOffset")
  Integer portOffset;

  /** Writes no release bundle at the end of the reactor ({@code -Ddockyard.skipCompose}). */
  @Parameter(property = "dockyard.skipCompose", defaultValue = "false")
  boolean skipCompose;

  @Parameter(property = "dockyard.registry")
  String registry;

  /** An optional path between registry and repository, e.g. {@code shop}. */
  @Parameter(property = "dockyard.namespace")
  String namespace;

  /** The image repository name; defaults to the module's artifactId. */
  @Parameter(property = "dockyard.repository")
  String repository;

  /** Extra tags beside the version (and latest), e.g. {@code -Ddockyard.tags=stable,2024-06}. */
  @Parameter List<String> tags;

  /** Whether release (non-SNAPSHOT) versions are also tagged {@code latest}. */
  @Parameter(property = "dockyard.latest", defaultValue = "true")
  boolean latest;

  /**
   * Which modules become images: artifactId globs or module paths, comma separated, {@code !}
   * excludes; e.g. {@code -Ddockyard.modules=order-service,user-*,!legacy-*}.
   */
  @Parameter(property = "dockyard.modules")
  String modules;

  /** The base image of generated Dockerfiles and the value of {@code ${dockyard.from}}. */
  @Parameter(property = "dockyard.from")
  String from;

  /** The module's own Dockerfile template; relative to the module directory. */
  @Parameter(property = "dockyard.dockerfile")
  File dockerfile;

  /** One Dockerfile template for every service, usually set in the parent POM. */
  @Parameter(property = "dockyard.dockerfileTemplate")
  File dockerfileTemplate;

  /** Ports the generated Dockerfile exposes, e.g. {@code 8080} or {@code 53/udp}. */
  @Parameter List<String> ports;

  /** Environment variables of the generated Dockerfile; {@code -Ddockyard.env.NAME=value} adds. */
  @Parameter Map<String, String> env;

  /** Labels of the generated Dockerfile; {@code -Ddockyard.label.NAME=value} adds. */
  @Parameter Map<String, String> labels;

  /** JVM flags of the generated entrypoint, e.g. {@code -Xmx256m}. */
  @Parameter List<String> jvmFlags;

  /** The user the generated image runs as. */
  @Parameter(property = "dockyard.user")
  String user;

  /** The working directory of the generated image; the application lives below it. */
  @Parameter(property = "dockyard.workdir", defaultValue = "/app")
  String workdir;

  /** Replaces the generated java entrypoint. */
  @Parameter List<String> entrypoint;

  /** The CMD of the generated image (arguments to the entrypoint). */
  @Parameter List<String> cmd;

  /** The main class; detected from the jar manifest, Spring Boot or the sources when unset. */
  @Parameter(property = "dockyard.mainClass")
  String mainClass;

  /**
   * {@code auto} (daemonless unless the Dockerfile needs an engine), {@code jib} or {@code docker}.
   */
  @Parameter(property = "dockyard.engine", defaultValue = "auto")
  String engine;

  /** Values for the Dockerfile's ARGs; {@code -Ddockyard.buildArg.NAME=value} adds. */
  @Parameter Map<String, String> buildArgs;

  /** The build stage a Docker engine stops at ({@code docker build --target}); default the last. */
  @Parameter(property = "dockyard.target")
  String target;

  /** Registries that may use plain HTTP or unverified TLS (localhost and 127.0.0.1 always may). */
  @Parameter List<String> insecureRegistries;

  /** Base-image registry rewrites, e.g. {@code <docker.io>nexus.corp:5000/hub</docker.io>}. */
  @Parameter Map<String, String> mirrors;

  /**
   * CA certificate files (PEM or DER) trusted for registries on top of the JVM trust store, e.g.
   * {@code -Ddockyard.caCertificates=certs/corp-ca.crt}; relative to the module directory.
   */
  @Parameter List<String> caCertificates;

  /**
   * Whether {@code build} writes {@code target/dockyard/image.tar} ({@code docker load}-able):
   * {@code auto} writes it unless the same run pushes at deploy, {@code true} always, {@code false}
   * never.
   */
  @Parameter(property = "dockyard.tarball", defaultValue = "auto")
  String tarball;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Component SettingsDecrypter settingsDecrypter;

  @Component ProjectDependenciesResolver dependenciesResolver;

  /**
   * The configuration of this module, with {@code -Ddockyard.*} applied; also puts the end of the
   * release after the reactor's last module, once per session.
   */
  ModuleConfig config() {
    ModuleConfig config = ModuleConfig.from(this);
    ReactorState state = ReactorState.of(session);
    state.listen(session, getLog(), () -> readAhead(config, state));
    return config;
  }

  /**
   * For a session that will push: greets the target registry and reads the base image's digest on a
   * thread of its own, while the reactor's first modules build. Only a head start: a failure here
   * is met again, and reported, by the module that needs the answer.
   */
  private void readAhead(ModuleConfig config, ReactorState state) {
    if (!ReactorState.willPush(session, config)) {
      return;
    }
    RegistryGreeting.greet(
        config.registry(),
        RegistryPolicy.isInsecure(config.insecureRegistries(), config.registry()));
    if (config.from() == null) {
      return;
    }
    try {
      JibEngine.readBaseDigestAhead(
          config.from(),
          registryPolicy(config),
          new MavenBuildLog(getLog(), !session.getRequest().isInteractiveMode()),
          state.connections());
    } catch (MojoFailureException e) {
      getLog().debug("Base image digest not read ahead: " + e.getMessage());
    }
  }

  private RegistryPolicy registryPolicy(ModuleConfig config) throws MojoFailureException {
    return new RegistryPolicy(
        config.insecureRegistries(),
        config.mirrors(),
        new SettingsCredentials(settings, settingsDecrypter, System.getenv()),
        DockerConfigCredentials.fromEnvironment(System.getenv()),
        caCertificates(config));
  }

  /** The module's plan: skipped with a reason, or the image to build. */
  ModulePlan plan(ModuleConfig config) throws Exception {
    // build and push of one module share the plan: the layout and rendering happen once a run.
    String key = ModulePlan.class.getName() + "|" + config.hashCode();
    Object planned = project.getContextValue(key);
    if (planned instanceof ModulePlan plan) {
      return plan;
    }
    ModulePlan plan = new ModulePlanner(this, config).plan();
    project.setContextValue(key, plan);
    return plan;
  }

  /** The engine for a plan, as {@code <engine>} and the Dockerfile's instructions decide. */
  ImageEngine engineFor(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    String choice = config.engine() == null ? "auto" : config.engine();
    if (!List.of("auto", "jib", "docker").contains(choice)) {
      throw new MojoFailureException(
          "Unknown engine: '"
              + choice
              + "' in <engine>/-Ddockyard.engine; use auto, jib or docker");
    }
    Optional<Instruction> needsEngine = EngineRequirement.firstNeedingEngine(plan.dockerfile());
    if (needsEngine.isEmpty() && !choice.equals("docker")) {
      return new JibEngine();
    }
    if (choice.equals("jib")) {
      Instruction instruction = needsEngine.get();
      throw new MojoFailureException(
          "The daemonless engine cannot build "
              + instruction.keyword()
              + ": '"
              + instruction.text()
              + "' at "
              + instruction.location()
              + "; "
              + EngineRequirement.reason(instruction)
              + ". Remove -Ddockyard.engine=jib (auto sends such Dockerfiles to a Docker engine)");
    }
    String why =
        needsEngine
            .map(
                instruction ->
                    instruction.keyword()
                        + " at "
                        + instruction.location()
                        + " ("
                        + EngineRequirement.reason(instruction)
                        + ")")
            .orElse("<engine>docker/-Ddockyard.engine=docker");
    return new DockerEngine(
        why, System.getenv(), Path.of(System.getProperty("user.home")), new RegistryBaseImages());
  }

  /** The engine request for a planned module. */
  ImageRequest request(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    RegistryPolicy policy = registryPolicy(config);
    return new ImageRequest(
        plan.module(),
        plan.dockerfile(),
        project.getBasedir().toPath(),
        plan.workDir(),
        plan.image(),
        plan.tags(),
        config.buildArgs(),
        config.target(),
        creationTime(),
        policy,
        baseLayersCache(),
        new MavenBuildLog(getLog(), !session.getRequest().isInteractiveMode()),
        // Beside the layer caches: where the layers this machine pushed can be mounted from.
        ReactorState.of(session).layers(baseLayersCache().resolveSibling("pushed-layers.tsv")),
        plan.origins(),
        ReactorState.of(session).connections());
  }

  private CaCertificates caCertificates(ModuleConfig config) throws MojoFailureException {
    List<Path> files = new ArrayList<>();
    for (String file : config.caCertificates()) {
      Path path = Path.of(file);
      files.add(path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path));
    }
    try {
      return CaCertificates.load(files);
    } catch (CaCertificates.CertificateFileException e) {
      throw (MojoFailureException) new MojoFailureException(e.getMessage()).initCause(e);
    }
  }

  /** {@code project.build.outputTimestamp} when set, else the epoch: same sources, same digest. */
  Instant creationTime() throws MojoFailureException {
    String stamp = project.getProperties().getProperty("project.build.outputTimestamp");
    if (stamp == null || stamp.isBlank() || stamp.trim().length() < 2) {
      return Instant.EPOCH;
    }
    String value = stamp.trim();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new MojoFailureException(
          "Invalid project.build.outputTimestamp: '"
              + value
              + "' in <properties>; use ISO-8601 such as 2024-01-01T00:00:00Z or seconds since"
              + " the epoch");
    }
  }

  /** Where base image layers are cached; the other caches live beside it. */
  Path baseLayersCache() {
    String configured = session.getUserProperties().getProperty("dockyard.baseImageCache");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "dockyard", "base-layers");
  }

  /** Wraps a domain failure for Maven. */
  static void rethrow(Exception e)
      throws org.apache.maven.plugin.MojoExecutionException, MojoFailureException {
    Exception translated = ErrorTranslator.translate(e);
    if (translated instanceof MojoFailureException failure) {
      throw failure;
    }
    throw (org.apache.maven.plugin.MojoExecutionException) translated;
  }

  /** Records this module's summary row; the end of the reactor prints the table. */
  void report(SummaryRow row) {
    ReactorState.of(session).report(project, row);
  }

  /** True when this run reaches the push goal: deploy, or push named on the command line. */
  boolean runPushes() {
    for (String goal : session.getGoals()) {
      if (goal.equals("deploy") || goal.endsWith(":push")) {
        return true;
      }
    }
    return false;
  }
}
