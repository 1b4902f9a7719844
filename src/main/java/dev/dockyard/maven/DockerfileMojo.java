package dev.dockyard.maven;

import dev.dockyard.report.SummaryRow;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders {@code target/dockyard/Dockerfile} (from the module's template or generated) and lays out
 * the application files it copies; builds nothing.
 */
@Mojo(
    name = "dockerfile",
    defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class DockerfileMojo extends DockyardMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    ModuleConfig config = config();
    if (config.skip()) {
      getLog().info("Skipping dockyard:dockerfile: dockyard.skip is set (remove -Ddockyard.skip)");
      return;
    }
    try {
      ModulePlan plan = plan(config);
      if (plan.isSkipped()) {
        getLog().info("Skipping " + plan.module() + ": " + plan.skipReason());
        report(SummaryRow.skipped(plan.module(), plan.skipReason()));
        return;
      }
      getLog().info("Rendered " + plan.renderedDockerfile() + " for " + plan.image());
    } catch (Exception e) {
      rethrow(e);
    }
  }
}
