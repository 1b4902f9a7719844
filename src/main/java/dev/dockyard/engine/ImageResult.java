package dev.dockyard.engine;

import java.util.List;

/**
 * What an engine produced.
 *
 * @param image the image name without tag
 * @param tags every tag the image carries
 * @param digest the manifest digest ({@code sha256:...}), the one a registry reports
 * @param imageId the config digest, the id {@code docker images} shows
 * @param engine which engine built it ({@code jib} or {@code docker})
 * @param pushed whether the image is in the registry
 * @param size the compressed size of the config and all layers, in bytes
 * @param shared bytes of those layers the base image or another image of the reactor already
 *     brought to the registry; -1 when unknown
 * @param change compared with the release before: {@code new}, {@code changed} or {@code
 *     unchanged}; null when not compared
 * @param previousDigest the digest the release before had, null when there was none
 */
public record ImageResult(
    String image,
    List<String> tags,
    String digest,
    String imageId,
    String engine,
    boolean pushed,
    long size,
    long shared,
    String change,
    String previousDigest) {

  /** A result not yet compared with an earlier release. */
  public ImageResult(
      String image,
      List<String> tags,
      String digest,
      String imageId,
      String engine,
      boolean pushed,
      long size,
      long shared) {
    this(image, tags, digest, imageId, engine, pushed, size, shared, null, null);
  }

  /**
   * This result compared with the release before, whose digest is {@code previousDigest} (null when
   * there was none): {@code new}, {@code unchanged} or {@code changed}.
   */
  public ImageResult comparedWith(String previousDigest) {
    String change =
        previousDigest == null || previousDigest.isEmpty()
            ? "new"
            : previousDigest.equals(digest) ? "unchanged" : "changed";
    return withChange(
        change, previousDigest == null || previousDigest.isEmpty() ? null : previousDigest);
  }

  /** This result compared with the release before. */
  public ImageResult withChange(String change, String previousDigest) {
    return new ImageResult(
        image, tags, digest, imageId, engine, pushed, size, shared, change, previousDigest);
  }

  /** This result, in the registry under its tags or not. */
  public ImageResult withPushed(boolean pushed) {
    return new ImageResult(
        image, tags, digest, imageId, engine, pushed, size, shared, change, previousDigest);
  }
}
