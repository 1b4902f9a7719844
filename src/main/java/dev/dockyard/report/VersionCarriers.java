package dev.dockyard.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why an image changed with the version alone: the labels and environment variables whose value
 * differs from the release before and names the new version (a template's {@code LABEL
 * org.opencontainers.image.version=${project.version}}). Such an image can never come out unchanged
 * across a version bump; the summary says so.
 */
public final class VersionCarriers {

  private VersionCarriers() {}

  /**
   * The entries (keys such as {@code label org.opencontainers.image.version} or {@code env
   * APP_VERSION}) that changed and carry {@code version}, in the order of {@code now}.
   */
  public static List<String> find(
      Map<String, String> before, Map<String, String> now, String version) {
    List<String> carriers = new ArrayList<>();
    if (version == null || version.isEmpty()) {
      return carriers;
    }
    now.forEach(
        (key, value) -> {
          if (value != null && value.contains(version) && !Objects.equals(before.get(key), value)) {
            carriers.add(key);
          }
        });
    return carriers;
  }

  /** The summary's reason for such a change, or empty when nothing carries the version. */
  public static String reason(List<String> carriers, String version) {
    if (carriers.isEmpty()) {
      return "";
    }
    return "changes with every version: "
        + String.join(", ", carriers)
        + (carriers.size() == 1 ? " carries " : " carry ")
        + version;
  }
}
