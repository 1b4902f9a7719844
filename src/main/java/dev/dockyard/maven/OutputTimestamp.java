package dev.dockyard.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** The creation time of images and files: {@code project.build.outputTimestamp}, else the epoch. */
final class OutputTimestamp {

  private OutputTimestamp() {}

  /** {@code project.build.outputTimestamp} when set, else the epoch: same sources, same digest. */
  static Instant of(MavenProject project) throws MojoFailureException {
    String stamp = project.getProperties().getProperty("project.build.outputTimestamp");
    if (stamp == null || stamp.isBlank() || stamp.trim().length() < 2) {
      return Instant.EPOCH;
    }
    String value = stamp.trim();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new MojoFailureException(
          "Invalid project.build.outputTimestamp: '"
              + value
              + "' in <properties>; use ISO-8601 such as 2024-01-01T00:00:00Z or seconds since"
              + " the epoch");
    }
  }
}
