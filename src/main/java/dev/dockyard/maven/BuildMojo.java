package dev.dockyard.maven;

import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import dev.dockyard.report.ImageReport;
import dev.dockyard.report.SummaryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Builds the module's image: daemonless with jib-core into {@code target/dockyard/image.tar}
 * ({@code docker load}-able), and writes {@code image.json} and {@code image.digest}.
 */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class BuildMojo extends ImageGoal {

  static final String TARBALL = "image.tar";

  @Override
  String goal() {
    return "build";
  }

  @Override
  void run(ModulePlan plan, ModuleConfig config) throws Exception {
    ImageEngine engine = engineFor(plan, config);
    new ImageReport(plan.workDir()).delete();
    if (writesTarball(config)) {
      buildTarball(plan, config, engine);
    } else {
      leaveToPush(plan);
    }
  }

  /** The image is built once, by the push of this same run; the summary says it is planned. */
  private void leaveToPush(ModulePlan plan) {
    getLog()
        .info(
            "Image "
                + plan.image()
                + " will be built and pushed by dockyard:push in this run"
                + " (-Ddockyard.tarball=true also writes target/dockyard/image.tar now)");
    report(SummaryRow.image(plan.module(), plan.image().name(), plan.tags(), "planned"));
  }

  /** Builds {@code target/dockyard/image.tar} and records it in {@code image.json}. */
  private void buildTarball(ModulePlan plan, ModuleConfig config, ImageEngine engine)
      throws Exception {
    Path tarball = plan.workDir().resolve(TARBALL);
    ImageResult result;
    try {
      result = engine.build(request(plan, config), Target.tarball(tarball));
    } catch (Exception e) {
      // A tarball cut short (a full disk, a failed layer) must not pass for an image.
      try {
        Files.deleteIfExists(tarball);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    new ImageReport(plan.workDir()).write(result);
    getLog()
        .info(
            "Built "
                + result.image()
                + ":"
                + String.join(",", result.tags())
                + " "
                + result.digest()
                + " ("
                + engine.name()
                + ") -> "
                + plan.workDir().resolve(TARBALL));
    report(
        SummaryRow.image(plan.module(), result.image(), result.tags(), "built")
            .withDigest(result.digest(), result.size(), result.shared()));
  }

  private boolean writesTarball(ModuleConfig config) throws MojoFailureException {
    String tarball = config.build().tarball();
    String mode = tarball == null ? "auto" : tarball.toLowerCase(Locale.ROOT);
    switch (mode) {
      case "true":
        return true;
      case "false":
        return false;
      case "auto":
        return !runPushes() || config.registry() == null || config.skipPush();
      default:
        throw new MojoFailureException(
            "Invalid tarball mode: '"
                + tarball
                + "' in <tarball>/-Ddockyard.tarball; use auto, true or false");
    }
  }
}
