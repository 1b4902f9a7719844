package dev.dockyard.maven;

import dev.dockyard.compose.Service;
import dev.dockyard.context.ImagePaths;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import dev.dockyard.engine.jib.JibEngine;
import dev.dockyard.engine.jib.RegistryTags;
import dev.dockyard.registry.RetryBudget;
import dev.dockyard.report.ImageReport;
import dev.dockyard.report.SummaryRow;
import dev.dockyard.report.VersionCarriers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Pushes the module's image to {@code <registry>}; the pushed digest must equal the one {@code
 * build} recorded. With {@code <pushAtEnd>} (the default) the blobs and the manifest go up now, by
 * digest, and the tags move at the end of the reactor, only if every module succeeded.
 */
@Mojo(
    name = "push",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PushMojo extends ImageGoal {

  @Override
  String goal() {
    return "push";
  }

  @Override
  void run(ModulePlan plan, ModuleConfig config) throws Exception {
    if (skipsPush(plan, config)) {
      return;
    }
    checkCanPush(plan, config);
    push(plan, config);
    addToRelease(plan, config);
  }

  /** True, logged and reported, when {@code -Ddockyard.skipPush} leaves the image unpushed. */
  private boolean skipsPush(ModulePlan plan, ModuleConfig config) {
    if (!config.skipPush()) {
      return false;
    }
    String reason = "dockyard.skipPush is set (remove -Ddockyard.skipPush to push)";
    getLog().info("Not pushing " + plan.image() + ": " + reason);
    report(SummaryRow.skipped(plan.module(), reason));
    return true;
  }

  /** Puts the pushed image in the release bundle written at the end of the reactor. */
  private void addToRelease(ModulePlan plan, ModuleConfig config) {
    ReactorState.of(session).service(project, service(plan, config), config.release().bundle());
  }

  private void checkCanPush(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    if (session.isOffline()) {
      throw new MojoFailureException(
          "Cannot push "
              + plan.image()
              + " in offline mode: '-o' is set; run without -o, or add -Ddockyard.skipPush to"
              + " only build");
    }
    if (config.registry() == null) {
      throw new MojoFailureException(
          "No registry to push "
              + plan.module()
              + " to: '<registry>' is not set; set <registry> in the plugin configuration or"
              + " -Ddockyard.registry=host:port (or -Ddockyard.skipPush to only build)");
    }
  }

  private void push(ModulePlan plan, ModuleConfig config) throws Exception {
    ImageEngine engine = engineFor(plan, config);
    ImageRequest request = request(plan, config);
    String since = config.naming().sinceTag();
    // The release compared with is looked up beside the build: two independent registry calls.
    // The lookups about that release (its digest, then what changed with the version) share one
    // retry budget, the build another.
    RetryBudget lookups = request.registries().retryBudget();
    CompletableFuture<Optional<String>> lookup =
        CompletableFuture.supplyAsync(
            () -> previousDigest(request, since, lookups), PushMojo::beside);
    boolean staged = config.release().pushAtEnd() && engine instanceof JibEngine;
    if (config.release().pushAtEnd() && !staged) {
      stageForDockerEngine(plan, request, engine, lookup, since);
      return;
    }
    ImageReport imageReport = new ImageReport(plan.workDir());
    Optional<ImageResult> recorded = imageReport.read();
    ImageResult built;
    try {
      built = engine.build(request, staged ? Target.staged() : Target.registry());
    } catch (EngineException e) {
      joined(lookup); // a failed lookup came first, and is the error to report
      throw e;
    }
    Optional<String> previous = joined(lookup);
    ImageResult pushed = built.comparedWith(previous.orElse(null)).withPushed(!staged);
    checkSameAsBuilt(recorded, pushed, imageReport, plan, staged);
    imageReport.write(pushed);
    SummaryRow row = pushedRow(plan, request, pushed, previous, since, staged, lookups);
    logPushed(pushed, row.changeText(), staged);
    if (staged) {
      ReactorState.of(session)
          .stage(new ReactorState.StagedImage(project, request, engine, pushed, row));
    }
    report(row);
  }

  /** docker push can only push a tag: the engine builds and pushes at the end of the reactor. */
  private void stageForDockerEngine(
      ModulePlan plan,
      ImageRequest request,
      ImageEngine engine,
      CompletableFuture<Optional<String>> lookup,
      String since)
      throws EngineException {
    getLog()
        .info(
            "Image "
                + plan.image()
                + " is built and pushed by the Docker engine at the end of the reactor, once"
                + " every module succeeded");
    Optional<String> previous = joined(lookup);
    SummaryRow row =
        SummaryRow.image(plan.module(), plan.image().name(), plan.tags(), "staged")
            .withChange("", previous.orElse(""), since);
    ReactorState.of(session)
        .stage(new ReactorState.StagedImage(project, request, engine, null, row));
    report(row);
  }

  /** The summary row of a pushed (or staged) image, compared with the release {@code since}. */
  private SummaryRow pushedRow(
      ModulePlan plan,
      ImageRequest request,
      ImageResult pushed,
      Optional<String> previous,
      String since,
      boolean staged,
      RetryBudget lookups) {
    String change = pushed.change();
    SummaryRow row =
        SummaryRow.image(
                plan.module(), plan.image().name(), plan.tags(), staged ? "staged" : "pushed")
            .withDigest(pushed.digest(), pushed.size(), pushed.shared())
            .withChange(change, previous.orElse(""), since);
    if (change.equals("changed")) {
      row =
          row.withOutcome(row.outcome(), versionCarriers(request, previous.get(), pushed, lookups));
    }
    return row;
  }

  private void logPushed(ImageResult pushed, String changeText, boolean staged) {
    if (staged) {
      getLog()
          .info(
              "Pushed "
                  + pushed.image()
                  + "@"
                  + pushed.digest()
                  + " ("
                  + changeText
                  + "); tags "
                  + String.join(",", pushed.tags())
                  + " move at the end of the reactor");
    } else {
      getLog()
          .info(
              "Pushed "
                  + pushed.image()
                  + ":"
                  + String.join(",", pushed.tags())
                  + " "
                  + pushed.digest()
                  + " ("
                  + changeText
                  + ")");
    }
  }

  /** Runs a task on a thread of its own that loads classes as the plugin does. */
  private static void beside(Runnable task) {
    Thread thread = new Thread(task, "dockyard-since");
    thread.setDaemon(true);
    thread.setContextClassLoader(PushMojo.class.getClassLoader());
    thread.start();
  }

  private static Optional<String> previousDigest(
      ImageRequest request, String since, RetryBudget budget) {
    try {
      return new RegistryTags().digestOf(request, since, budget);
    } catch (EngineException e) {
      throw new CompletionException(e);
    }
  }

  /** The lookup's answer; its failure rethrown as it was raised. */
  private static Optional<String> joined(CompletableFuture<Optional<String>> lookup)
      throws EngineException {
    try {
      return lookup.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof EngineException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** How the image runs in the release bundle: {@code <service>}, with the module's defaults. */
  private Service service(ModulePlan plan, ModuleConfig config) {
    ServiceSettings settings = service == null ? new ServiceSettings() : service;
    Integer port = settings.port;
    if (port == null && !config.image().ports().isEmpty()) {
      String first = config.image().ports().get(0).replaceAll("/.*", "").trim();
      port = first.matches("\\d{1,5}") ? Integer.valueOf(first) : null;
    }
    Map<String, String> listed = ImagePaths.read(plan.workDir());
    Map<String, String> imagePaths = new LinkedHashMap<>();
    for (String volume : settings.volumes == null ? List.<String>of() : settings.volumes) {
      String[] parts = volume.trim().split(":");
      if (parts.length >= 2 && listed.containsKey(parts[1])) {
        imagePaths.put(parts[1], listed.get(parts[1]));
      }
    }
    Path root = Path.of(session.getExecutionRootDirectory());
    return new Service(
        root.relativize(project.getFile().toPath().toAbsolutePath()).toString(),
        project.getBasedir().getAbsolutePath(),
        port,
        settings.portVariable,
        settings.environment == null ? Map.of() : new LinkedHashMap<>(settings.environment),
        settings.volumes,
        settings.dependsOn,
        settings.healthPath,
        settings.healthCommand,
        settings.restart,
        settings.networkMode,
        imagePaths);
  }

  /**
   * Why an image changed with the version alone, or empty: the labels and variables that differ
   * from the release before and name this version. Best effort: a registry that cannot say leaves
   * the reason empty.
   */
  private String versionCarriers(
      ImageRequest request, String previous, ImageResult pushed, RetryBudget budget) {
    String version = project.getVersion();
    try {
      RegistryTags registry = new RegistryTags();
      return VersionCarriers.reason(
          VersionCarriers.find(
              registry.labelsAndEnv(request, previous, budget),
              registry.labelsAndEnv(request, pushed.digest(), budget),
              version),
          version);
    } catch (EngineException e) {
      getLog().debug("Could not compare the configs of " + pushed.image() + ": " + e);
      return "";
    }
  }

  private static void checkSameAsBuilt(
      Optional<ImageResult> built,
      ImageResult pushed,
      ImageReport imageReport,
      ModulePlan plan,
      boolean staged)
      throws MojoFailureException, java.io.IOException {
    if (built.isPresent()
        && built.get().image().equals(pushed.image())
        && !sameImage(built.get(), pushed)) {
      imageReport.write(pushed.withPushed(false));
      throw new MojoFailureException(
          "Pushed digest differs from the built one: '"
              + pushed.digest()
              + "' pushed, '"
              + built.get().digest()
              + "' built for "
              + plan.image()
              + (staged ? "; no tag was moved" : "")
              + "; sources changed between package and deploy: run mvn clean deploy");
    }
  }

  /**
   * The daemonless engine knows the manifest digest before pushing; a Docker engine learns it only
   * from the registry, so its builds are compared by image id (the config digest).
   */
  private static boolean sameImage(ImageResult built, ImageResult pushed) {
    if ("docker".equals(built.engine()) && !built.pushed()) {
      return built.imageId().equals(pushed.imageId());
    }
    return built.digest().equals(pushed.digest());
  }
}
