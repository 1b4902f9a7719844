package dev.dockyard.maven;

import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.EngineRequirement;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.docker.DockerEngine;
import dev.dockyard.engine.jib.JibEngine;
import dev.dockyard.engine.jib.RegistryBaseImages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Which engine builds a Dockerfile, as {@code <engine>} and the Dockerfile's instructions decide.
 */
final class EngineChoice {

  private EngineChoice() {}

  /**
   * @param engine {@code auto}, {@code jib} or {@code docker}; null means {@code auto}
   */
  static ImageEngine of(Dockerfile dockerfile, String engine) throws MojoFailureException {
    String choice = engine == null ? "auto" : engine;
    if (!List.of("auto", "jib", "docker").contains(choice)) {
      throw new MojoFailureException(
          "Unknown engine: '"
              + choice
              + "' in <engine>/-Ddockyard.engine; use auto, jib or docker");
    }
    Optional<Instruction> needsEngine = EngineRequirement.firstNeedingEngine(dockerfile);
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
}
