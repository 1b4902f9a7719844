package dev.dockyard.maven;

import java.util.Optional;
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
    try {
      Optional<ModulePlan> planned = imagePlan(config, "dockerfile");
      if (planned.isEmpty()) {
        return;
      }
      ModulePlan plan = planned.get();
      getLog().info("Rendered " + plan.renderedDockerfile() + " for " + plan.image());
    } catch (Exception e) {
      rethrow(e);
    }
  }
}
