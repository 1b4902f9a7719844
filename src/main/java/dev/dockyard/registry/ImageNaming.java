package dev.dockyard.registry;

import java.util.List;

/**
 * How a module's image is named and tagged, as the user set it; the module's own coordinates fill
 * in the rest ({@link #name}, {@link #tags}).
 *
 * @param registry the registry {@code host[:port]}; null for a local-only name
 * @param namespace the path between registry and repository; null for none
 * @param repository the repository; null for the module's artifactId
 * @param extraTags tags beside the version (and {@code latest})
 * @param latest whether release versions are also tagged {@code latest}
 * @param since the tag of the release each image is compared with; null for {@code latest}
 */
public record ImageNaming(
    String registry,
    String namespace,
    String repository,
    List<String> extraTags,
    boolean latest,
    String since) {

  /** The tag compared with when {@code since} is not set. */
  public static final String DEFAULT_SINCE = "latest";

  public ImageNaming {
    extraTags = extraTags == null ? List.of() : List.copyOf(extraTags);
  }

  /** The validated image name of the module whose artifactId is given. */
  public ImageName name(String artifactId) throws InvalidImageNameException {
    return ImageName.of(registry, namespace, repository, artifactId);
  }

  /** The validated tags of a module of this version, the version first. */
  public List<String> tags(String version) throws InvalidImageNameException {
    List<String> tags = Tags.compute(version, latest, extraTags);
    Tags.validateSince(since);
    return tags;
  }

  /** The tag of the release each image is compared with. */
  public String sinceTag() {
    return since == null ? DEFAULT_SINCE : since;
  }
}
