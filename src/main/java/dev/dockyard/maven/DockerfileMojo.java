package dev.dockyard.maven;

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
public class DockerfileMojo extends ImageGoal {

  @Override
  String goal() {
    return "dockerfile";
  }

  @Override
  void run(ModulePlan plan, ModuleConfig config) {
    getLog().info("Rendered " + plan.renderedDockerfile() + " for " + plan.image());
  }
}
