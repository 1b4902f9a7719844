package dev.dockyard.maven;

import dev.dockyard.dockerfile.Dockerfile;
import java.nio.file.Path;
import java.util.List;

/**
 * What dockyard will do for one module: skip it (with the reason), or build the rendered Dockerfile
 * as the named image with its tags.
 *
 * @param module the artifactId
 * @param skipReason why the module is skipped and how to undo it, or null when it is an image
 * @param image the image name without tag, or null when skipped
 * @param tags the tags, primary first
 * @param workDir the module's {@code target/dockyard}
 * @param dockerfile the rendered Dockerfile, parsed
 */
record ModulePlan(
    String module,
    String skipReason,
    String image,
    List<String> tags,
    Path workDir,
    Dockerfile dockerfile) {

  static ModulePlan skipped(String module, String reason) {
    return new ModulePlan(module, reason, null, List.of(), null, null);
  }

  boolean isSkipped() {
    return skipReason != null;
  }

  Path renderedDockerfile() {
    return workDir.resolve("Dockerfile");
  }
}
