package dev.dockyard.report;

import java.util.List;

/**
 * One module's line in the end-of-reactor summary.
 *
 * @param module the module's artifactId
 * @param image the image name, or empty when skipped
 * @param tags the tags, comma separated
 * @param outcome {@code built}, {@code pushed} or {@code skipped}
 * @param digest the manifest digest, or empty
 * @param size the image size in bytes, or -1 when unknown
 * @param shared bytes of it the base image or an earlier image of the reactor brought, or -1
 * @param reason why a module was skipped, or empty
 * @param change {@code new}, {@code changed} or {@code unchanged}, or empty when not compared
 * @param previousDigest the digest of the release compared with, or empty
 * @param since the tag of the release compared with, or empty
 */
public record SummaryRow(
    String module,
    String image,
    String tags,
    String outcome,
    String digest,
    long size,
    long shared,
    String reason,
    String change,
    String previousDigest,
    String since) {

  /** A row not compared with an earlier release. */
  public SummaryRow(
      String module,
      String image,
      String tags,
      String outcome,
      String digest,
      long size,
      long shared,
      String reason) {
    this(module, image, tags, outcome, digest, size, shared, reason, "", "", "");
  }

  public static SummaryRow skipped(String module, String reason) {
    return new SummaryRow(module, "", "", "skipped", "", -1, -1, reason);
  }

  /**
   * The row of a module's image, its digest and sizes not known yet (planned, or staged for the end
   * of the reactor); {@link #withDigest} adds them once the image is built or pushed.
   */
  public static SummaryRow image(String module, String image, List<String> tags, String outcome) {
    return new SummaryRow(module, image, String.join(",", tags), outcome, "", -1, -1, "");
  }

  /** The row of a module without an image to show: {@code failed}, {@code not built}. */
  public static SummaryRow withoutImage(String module, String outcome) {
    return new SummaryRow(module, "", "", outcome, "", -1, -1, "");
  }

  /** This row with the digest and sizes of the image built or pushed. */
  public SummaryRow withDigest(String digest, long size, long shared) {
    return new SummaryRow(
        module, image, tags, outcome, digest, size, shared, reason, change, previousDigest, since);
  }

  /** This row with another outcome and reason. */
  public SummaryRow withOutcome(String outcome, String reason) {
    return new SummaryRow(
        module, image, tags, outcome, digest, size, shared, reason, change, previousDigest, since);
  }

  /** This row compared with the release under the tag {@code since}. */
  public SummaryRow withChange(String change, String previousDigest, String since) {
    return new SummaryRow(
        module,
        image,
        tags,
        outcome,
        digest,
        size,
        shared,
        reason,
        change == null ? "" : change,
        previousDigest == null ? "" : previousDigest,
        since == null ? "" : since);
  }

  /**
   * The change column: {@code unchanged since 1.4.2}, {@code changed since latest}, {@code new}.
   */
  public String changeText() {
    if (change.isEmpty() || change.equals("new")) {
      return change;
    }
    return change + " since " + since;
  }
}
