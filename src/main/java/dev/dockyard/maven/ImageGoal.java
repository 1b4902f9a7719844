package dev.dockyard.maven;

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
      Optional<ModulePlan> planned = imagePlan(config, goal());
      if (planned.isPresent()) {
        run(planned.get(), config);
      }
    } catch (Exception e) {
      rethrow(e);
    }
  }

  /** The goal's name, for the log. */
  abstract String goal();

  /** The goal's step on a planned image. */
  abstract void run(ModulePlan plan, ModuleConfig config) throws Exception;
}
