package dev.dockyard.engine.jib;

import dev.dockyard.context.ImageTree;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.setting.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a COPY puts into the image that the daemonless engine's layers cannot hold as {@code docker
 * build} does (jib-core's layer entries are files and directories with 9 permission bits): a
 * symlink inside a copied directory, planned as what it points at, and a base-image directory on
 * the copy's path whose setuid, setgid or sticky bit is lost. Said once per COPY step, naming the
 * paths and the way to an identical image.
 */
final class LayerLimits {

  private static final int SPECIAL_BITS = 07000;
  private static final int SHOWN = 5;

  private final Map<CopyStep, List<String>> links = new LinkedHashMap<>();

  /** Notes a symlink the planner followed (a {@code CopyPlanner.LinkFollowed}). */
  void linkFollowed(CopyStep step, String containerPath) {
    links.computeIfAbsent(step, key -> new ArrayList<>()).add(containerPath);
  }

  /**
   * Warns for the step just planned: the links it followed, and the directories of {@code tree}
   * (the image before the step) with special bits that {@code layer} rewrites.
   */
  void warn(CopyStep step, List<PlannedFile> layer, ImageTree tree, BuildLog log) {
    List<String> followed = links.remove(step);
    if (followed != null) {
      log.warn(
          step.keyword()
              + " at "
              + step.location()
              + " copies "
              + paths(followed, "symlink")
              + " as what they point at: docker build keeps a link inside a copied directory as a"
              + " link, and the daemonless engine's layers cannot hold links; for the links"
              + " themselves build with the Docker engine ("
              + Setting.ENGINE.property("=docker")
              + ")");
    }
    List<String> special = new ArrayList<>();
    for (PlannedFile file : layer) {
      if (file.directory()) {
        tree.find(file.containerPath())
            .filter(node -> node.kind() == ImageTree.Kind.DIRECTORY)
            .filter(node -> (node.mode() & SPECIAL_BITS) != 0)
            .ifPresent(
                node ->
                    special.add(
                        file.containerPath() + " (" + String.format("%04o", node.mode()) + ")"));
      }
    }
    if (!special.isEmpty()) {
      log.warn(
          step.keyword()
              + " at "
              + step.location()
              + " writes into "
              + paths(special, "base image directory")
              + ": the daemonless engine's layers hold 9 permission bits, so the image gets"
              + " them without their setuid, setgid or sticky bit, where docker build keeps it;"
              + " copy elsewhere, or build with the Docker engine ("
              + Setting.ENGINE.property("=docker")
              + ")");
    }
  }

  private static String paths(List<String> paths, String what) {
    String shown = String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size())));
    String more = paths.size() > SHOWN ? " and " + (paths.size() - SHOWN) + " more" : "";
    return (paths.size() == 1 ? "the " + what + " " : paths.size() + " " + what + "s ")
        + shown
        + more;
  }
}
