package dev.dockyard.report;

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
 */
public record SummaryRow(
    String module,
    String image,
    String tags,
    String outcome,
    String digest,
    long size,
    long shared,
    String reason) {

  public static SummaryRow skipped(String module, String reason) {
    return new SummaryRow(module, "", "", "skipped", "", -1, -1, reason);
  }
}
