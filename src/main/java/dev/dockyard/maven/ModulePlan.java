package dev.dockyard.maven;

import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.registry.ImageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What dockyard will do for one module: skip it (with the reason), or build the rendered Dockerfile
 * as the named image with its tags.
 *
 * @param module the artifactId
 * @param skipReason why the module is skipped and how to undo it, or null when it is an image
 * @param image the image name, validated, without tag; null when skipped
 * @param tags the tags, primary first
 * @param workDir the module's {@code target/dockyard}
 * @param dockerfile the rendered Dockerfile, parsed
 * @param origins the original file of each laid-out jar, by the real path of its link
 */
record ModulePlan(
    String module,
    String skipReason,
    ImageName image,
    List<String> tags,
    Path workDir,
    Dockerfile dockerfile,
    Map<Path, Path> origins) {

  static ModulePlan skipped(String module, String reason) {
    return new ModulePlan(
        module, SettingNames.render(reason), null, List.of(), null, null, Map.of());
  }

  boolean isSkipped() {
    return skipReason != null;
  }

  Path renderedDockerfile() {
    return workDir.resolve("Dockerfile");
  }
}
