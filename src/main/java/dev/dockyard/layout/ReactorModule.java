package dev.dockyard.layout;

import java.util.List;

/**
 * A module of the reactor as the jar membership sees it: what it declares decides what resolution
 * gives.
 *
 * @param id Maven's {@code groupId:artifactId:packaging:version}
 * @param boot true when built with Spring Boot's plugin
 * @param declared its declared dependencies, then its managed ones, in POM order
 */
public record ReactorModule(
    String id, String groupId, String artifactId, boolean boot, List<Declared> declared) {

  /**
   * A dependency as a POM declares or manages it.
   *
   * @param managementKey Maven's {@code groupId:artifactId:type[:classifier]}
   * @param version null when the POM gives none
   * @param scope null when the POM gives none
   * @param exclusions each {@code groupId:artifactId} it excludes
   */
  public record Declared(
      String groupId,
      String artifactId,
      String managementKey,
      String version,
      String scope,
      boolean optional,
      List<String> exclusions) {}

  /** {@code groupId:artifactId}: how dependencies on this module name it. */
  public String key() {
    return groupId + ":" + artifactId;
  }
}
