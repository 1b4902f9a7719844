package dev.dockyard.compose;

/**
 * One service of a release: the image module, its image pinned by digest, and how it runs.
 *
 * @param artifactId the module, also the service's name
 * @param image the pinned reference {@code registry/ns/repo:tag@sha256:...}
 * @param service the module's service settings
 */
public record Member(String artifactId, String image, Service service) {

  /** The host port of the service in a release with this offset, or null when it has none. */
  public Integer hostPort(int offset) {
    return service.port() == null ? null : service.port() + offset;
  }
}
