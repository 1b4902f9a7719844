package dev.dockyard.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Why a release's tags must not move: the modules that failed or were not built. */
public final class ReleaseBlocker {

  private ReleaseBlocker() {}

  /**
   * The reason, as the summary and release.json give it: {@code a, b failed; c not built}; empty
   * when nothing blocks the release.
   *
   * @param failed the artifactIds of the modules that failed, in reactor order
   * @param notBuilt the artifactIds of the modules that were not built, in reactor order
   * @param buildFailed true when the build failed otherwise (it recorded an exception)
   */
  public static Optional<String> of(
      List<String> failed, List<String> notBuilt, boolean buildFailed) {
    List<String> parts = new ArrayList<>();
    if (!failed.isEmpty()) {
      parts.add(String.join(", ", failed) + " failed");
    }
    if (!notBuilt.isEmpty()) {
      parts.add(String.join(", ", notBuilt) + " not built");
    }
    if (parts.isEmpty() && buildFailed) {
      parts.add("the build failed");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }
}
