package dev.dockyard.maven;

import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import dev.dockyard.report.ImageReport;
import dev.dockyard.report.SummaryRow;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Pushes the module's image with all its tags to {@code <registry>}; the pushed digest must equal
 * the one {@code build} recorded. Layers built at package are reused from the layer cache.
 */
@Mojo(
    name = "push",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PushMojo extends DockyardMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ModuleConfig config = config();
    if (config.skip()) {
      getLog().info("Skipping dockyard:push: dockyard.skip is set (remove -Ddockyard.skip)");
      return;
    }
    try {
      ModulePlan plan = plan(config);
      if (plan.isSkipped()) {
        getLog().info("Skipping " + plan.module() + ": " + plan.skipReason());
        report(SummaryRow.skipped(plan.module(), plan.skipReason()), "push", true);
        return;
      }
      if (config.skipPush()) {
        String reason = "dockyard.skipPush is set (remove -Ddockyard.skipPush to push)";
        getLog().info("Not pushing " + plan.image() + ": " + reason);
        report(SummaryRow.skipped(plan.module(), reason), "push", true);
        return;
      }
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
      ImageEngine engine = engineFor(plan, config);
      ImageReport imageReport = new ImageReport(plan.workDir());
      Optional<ImageResult> built = imageReport.read();
      ImageResult pushed = engine.build(request(plan, config), Target.registry());
      if (built.isPresent()
          && built.get().image().equals(pushed.image())
          && !sameImage(built.get(), pushed)) {
        imageReport.write(pushed);
        throw new MojoFailureException(
            "Pushed digest differs from the built one: '"
                + pushed.digest()
                + "' pushed, '"
                + built.get().digest()
                + "' built for "
                + plan.image()
                + "; sources changed between package and deploy: run mvn clean deploy");
      }
      imageReport.write(pushed);
      getLog()
          .info(
              "Pushed "
                  + pushed.image()
                  + ":"
                  + String.join(",", pushed.tags())
                  + " "
                  + pushed.digest());
      report(
          new SummaryRow(
              plan.module(),
              pushed.image(),
              String.join(",", pushed.tags()),
              "pushed",
              pushed.digest(),
              pushed.size(),
              pushed.shared(),
              ""),
          "push",
          true);
    } catch (Exception e) {
      rethrow(e);
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
