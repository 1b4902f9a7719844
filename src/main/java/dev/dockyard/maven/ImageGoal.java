package dev.dockyard.maven;

import dev.dockyard.report.SummaryRow;
import dev.dockyard.value.Records;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A goal that works on the module's image: the module's configuration, then its plan (a module that
 * is no image is skipped, logged and reported), then the goal's own step; failures translated once.
 */
abstract class ImageGoal extends DockyardMojo {

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    ModuleConfig config = config();
    try {
      Optional<ModulePlan> planned = imagePlan(config);
      if (planned.isPresent()) {
        run(planned.get(), config);
      }
    } catch (Exception e) {
      rethrow(e);
    }
  }

  /**
   * The image this goal works on, or empty when it skips the module (logged, and reported unless
   * {@code -Ddockyard.skip} turned dockyard off): a module that is no image, with the reason.
   */
  private Optional<ModulePlan> imagePlan(ModuleConfig config) throws Exception {
    if (config.skip()) {
      getLog()
          .info("Skipping dockyard:" + goal() + ": dockyard.skip is set (remove -Ddockyard.skip)");
      return Optional.empty();
    }
    ModulePlan plan = plan(config);
    if (plan.isSkipped()) {
      getLog().info("Skipping " + plan.module() + ": " + plan.skipReason());
      report(SummaryRow.skipped(plan.module(), plan.skipReason()));
      return Optional.empty();
    }
    return Optional.of(plan);
  }

  /** The module's plan: skipped with a reason, or the image to build. */
  private ModulePlan plan(ModuleConfig config) throws Exception {
    // build and push of one module share the plan: the layout and rendering happen once a run.
    Object planned = project.getContextValue(Planned.KEY);
    if (planned instanceof Planned earlier && Records.equal(earlier.config(), config)) {
      return earlier.plan();
    }
    ModulePlan plan = new ModulePlanner(this, config).plan();
    project.setContextValue(Planned.KEY, new Planned(config, plan));
    return plan;
  }

  /** The plan an earlier goal of this module made, with the configuration it was made for. */
  private record Planned(ModuleConfig config, ModulePlan plan) {
    static final String KEY = Planned.class.getName();
  }

  /** The goal's name, for the log. */
  abstract String goal();

  /** The goal's step on a planned image. */
  abstract void run(ModulePlan plan, ModuleConfig config) throws Exception;
}
