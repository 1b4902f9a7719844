package dev.dockyard.maven;

import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.jib.JibEngine;
import dev.dockyard.engine.jib.RegistryGreeting;
import dev.dockyard.report.SummaryRow;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  /** Skips every dockyard goal ({@code -Ddockyard.skip}); each skip is logged. */
  @Parameter(property = "dockyard.skip", defaultValue = "false")
  boolean skip;

  /** Builds the images but pushes nothing ({@code -Ddockyard.skipPush}). */
  @Parameter(property = "dockyard.skipPush", defaultValue = "false")
  boolean skipPush;

  /**
   * Whether tags move once after the reactor's last module, only if none failed ({@code
   * -Ddockyard.pushAtEnd}); {@code false} tags each image as its module pushes it.
   */
  @Parameter(property = "dockyard.pushAtEnd", defaultValue = "true")
  boolean pushAtEnd;

  /**
   * The tag of the release each image is compared with ({@code -Ddockyard.since=1.4.2}), which says
   * {@code new}, {@code changed} or {@code unchanged}; default {@code latest}.
   */
  @Parameter(property = "dockyard.since")
  String since;

  /**
   * How the image runs in the release bundle: port, environment, volumes, dependsOn, healthcheck,
   * restart, network mode (docs/compose.md); set in the POM only, it has no {@code -D} property.
   */
  @Parameter ServiceSettings service;

  /**
   * The bundle's compose project and container-name prefix ({@code -Ddockyard.releaseName});
   * default the root artifactId and version ({@code shop-1-4-2}).
   */
  @Parameter(property = "dockyard.releaseName")
  String releaseName;

  /**
   * Added to every service's port in the bundle ({@code -Ddockyard.portOffset}); default 100 to
   * 9,900, derived from the release name.
   */
  @Parameter(property = "dockyard.portOffset")
  Integer portOffset;

  /** Writes no release bundle at the end of the reactor ({@code -Ddockyard.skipCompose}). */
  @Parameter(property = "dockyard.skipCompose", defaultValue = "false")
  boolean skipCompose;

  /**
   * The registry images are pushed to, as host[:port] ({@code
   * -Ddockyard.registry=nexus.corp:5000}); without it {@code build} builds locally and {@code push}
   * fails.
   */
  @Parameter(property = "dockyard.registry")
  String registry;

  /** An optional path between registry and repository, e.g. {@code -Ddockyard.namespace=shop}. */
  @Parameter(property = "dockyard.namespace")
  String namespace;

  /** The image repository name ({@code -Ddockyard.repository}); default the module's artifactId. */
  @Parameter(property = "dockyard.repository")
  String repository;

  /** Extra tags beside the version (and latest), e.g. {@code -Ddockyard.tags=stable,2024-06}. */
  @Parameter List<String> tags;

  /** Whether non-SNAPSHOT versions are also tagged {@code latest} ({@code -Ddockyard.latest}). */
  @Parameter(property = "dockyard.latest", defaultValue = "true")
  boolean latest;

  /**
   * Which modules become images: artifactId globs or module paths, comma separated, {@code !}
   * excludes; e.g. {@code -Ddockyard.modules=order-service,user-*,!legacy-*}.
   */
  @Parameter(property = "dockyard.modules")
  String modules;

  /**
   * The base image of generated Dockerfiles and the value of {@code ${dockyard.from}} ({@code
   * -Ddockyard.from}).
   */
  @Parameter(property = "dockyard.from")
  String from;

  /**
   * The module's own Dockerfile template, relative to the module directory; it counts when written
   * in the module's own POM. {@code -Ddockyard.dockerfile=Dockerfile.debug} names it in every
   * module of the run: a library without that file stays a library, an image module without it
   * fails.
   */
  @Parameter(property = "dockyard.dockerfile")
  File dockerfile;

  /**
   * One Dockerfile template for every module without its own, usually set in the parent POM ({@code
   * -Ddockyard.dockerfileTemplate}).
   */
  @Parameter(property = "dockyard.dockerfileTemplate")
  File dockerfileTemplate;

  /** Ports the generated Dockerfile exposes, e.g. {@code -Ddockyard.ports=8080,53/udp}. */
  @Parameter List<String> ports;

  /** Environment variables of the generated Dockerfile; {@code -Ddockyard.env.NAME=value} adds. */
  @Parameter Map<String, String> env;

  /** Labels of the generated Dockerfile; {@code -Ddockyard.label.NAME=value} adds. */
  @Parameter Map<String, String> labels;

  /** JVM flags of the generated entrypoint, e.g. {@code -Ddockyard.jvmFlags=-Xmx256m,-Xss512k}. */
  @Parameter List<String> jvmFlags;

  /** The user the generated image runs as ({@code -Ddockyard.user}); default the base image's. */
  @Parameter(property = "dockyard.user")
  String user;

  /**
   * The working directory of the generated image, where the application lives ({@code
   * -Ddockyard.workdir}).
   */
  @Parameter(property = "dockyard.workdir", defaultValue = "/app")
  String workdir;

  /** Replaces the generated java entrypoint, e.g. {@code -Ddockyard.entrypoint=/app/run.sh,-v}. */
  @Parameter List<String> entrypoint;

  /** The CMD of the generated image, arguments to the entrypoint ({@code -Ddockyard.cmd=a,b}). */
  @Parameter List<String> cmd;

  /**
   * The main class ({@code -Ddockyard.mainClass}); when unset, detected from the jar manifest,
   * Spring Boot or the sources.
   */
  @Parameter(property = "dockyard.mainClass")
  String mainClass;

  /**
   * The engine that builds the image ({@code -Ddockyard.engine}): {@code auto} (daemonless unless
   * the Dockerfile needs an engine), {@code jib} or {@code docker}.
   */
  @Parameter(property = "dockyard.engine", defaultValue = "auto")
  String engine;

  /** Values for the Dockerfile's ARGs; {@code -Ddockyard.buildArg.NAME=value} adds. */
  @Parameter Map<String, String> buildArgs;

  /** The build stage a Docker engine stops at, default the last ({@code -Ddockyard.target}). */
  @Parameter(property = "dockyard.target")
  String target;

  /**
   * Registries that may use plain HTTP or unverified TLS ({@code
   * -Ddockyard.insecureRegistries=a,b}); localhost and 127.0.0.1 always may.
   */
  @Parameter List<String> insecureRegistries;

  /**
   * Base-image registry rewrites, e.g. {@code <docker.io>nexus.corp:5000/hub</docker.io>}; {@code
   * -Ddockyard.mirror.docker.io=nexus.corp:5000/hub} sets one.
   */
  @Parameter Map<String, String> mirrors;

  /**
   * CA certificate files (PEM or DER) trusted for registries on top of the JVM trust store, e.g.
   * {@code -Ddockyard.caCertificates=certs/corp-ca.crt}; relative to the module directory.
   */
  @Parameter List<String> caCertificates;

  /**
   * Whether {@code build} writes {@code target/dockyard/image.tar} ({@code -Ddockyard.tarball}):
   * {@code auto} unless the same run pushes, {@code true} or {@code false}.
   */
  @Parameter(property = "dockyard.tarball", defaultValue = "auto")
  String tarball;

  /**
   * Where base image layers are cached ({@code -Ddockyard.baseImageCache=DIR}); the application
   * layers, the ledger of pushed layers and the reactor's other caches sit beside it. All of it is
   * a cache, safe to delete.
   */
  @Parameter(
      property = "dockyard.baseImageCache",
      defaultValue = "${user.home}/.cache/dockyard/base-layers")
  String baseImageCache;

  /**
   * Seconds a Docker credential helper may take to answer ({@code
   * -Ddockyard.credentialHelperTimeout}); default 60.
   */
  @Parameter(property = "dockyard.credentialHelperTimeout", defaultValue = "60")
  String credentialHelperTimeout;

  /**
   * How long, in seconds, a registry that keeps failing transiently (connection resets, timeouts,
   * 429, 5xx) is retried for one image before the build fails ({@code
   * -Ddockyard.registryRetryTime}); default 120.
   */
  @Parameter(property = "dockyard.registryRetryTime", defaultValue = "120")
  String registryRetryTime;

  /** The module being built; set by Maven, not a user setting. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The build session; set by Maven, not a user setting. */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** This goal's execution; set by Maven, not a user setting. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  /** The settings.xml in effect, for registry credentials; set by Maven, not a user setting. */
  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings settings;

  @Component SettingsDecrypter settingsDecrypter;

  @Component ProjectDependenciesResolver dependenciesResolver;

  /**
   * The configuration of this module, with {@code -Ddockyard.*} applied; also puts the end of the
   * release after the reactor's last module, once per session.
   */
  ModuleConfig config() throws MojoFailureException {
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
        config.registry(), config.registries().isInsecure(config.registry()), state.connections());
    if (config.image().from() == null) {
      return;
    }
    EngineRequests requests = new EngineRequests(this);
    try {
      JibEngine.readBaseDigestAhead(
          config.image().from(),
          requests.registryPolicy(config.registries()),
          requests.buildLog(),
          state.connections());
    } catch (MojoFailureException e) {
      getLog().debug("Base image digest not read ahead: " + e.getMessage());
    }
  }

  /** The engine for a plan, as {@code <engine>} and the Dockerfile's instructions decide. */
  ImageEngine engineFor(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    return EngineChoice.of(plan.dockerfile(), config.build().engine());
  }

  /** The engine request for a planned module. */
  ImageRequest request(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    return new EngineRequests(this).request(plan, config);
  }

  /**
   * Where base image layers are cached ({@code -Ddockyard.baseImageCache} over {@code
   * <baseImageCache>}); the other caches live beside it.
   */
  Path baseLayersCache() {
    String configured = session.getUserProperties().getProperty("dockyard.baseImageCache");
    if (configured == null || configured.isBlank()) {
      configured = baseImageCache;
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim());
    }
    return Path.of(System.getProperty("user.home"), ".cache", "dockyard", "base-layers");
  }

  /** Wraps a domain failure for Maven. */
  void rethrow(Exception e)
      throws org.apache.maven.plugin.MojoExecutionException, MojoFailureException {
    Path layers = baseLayersCache().toAbsolutePath().normalize();
    Path cache = layers.getParent() == null ? layers : layers.getParent();
    Exception translated =
        ErrorTranslator.translate(
            e,
            cache,
            new DiskFull(Path.of(project.getBuild().getDirectory()).toAbsolutePath(), cache));
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
