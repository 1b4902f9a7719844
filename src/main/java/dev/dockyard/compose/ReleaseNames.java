package dev.dockyard.compose;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The side-by-side scheme: a release has a name (its compose project, the prefix of its container
 * names) and a port offset, added to every service's port so that two releases on one host never
 * listen on the same port. The offset is derived from the name, in steps of 100 from 100 to 9,900,
 * unless {@code <portOffset>} sets it.
 */
public final class ReleaseNames {

  private ReleaseNames() {}

  /** The default name: the root artifactId and version, as compose accepts project names. */
  public static String defaultName(String artifactId, String version) {
    return sanitize(artifactId + "-" + version);
  }

  /** A compose project name: lowercase letters, digits, {@code -} and {@code _}. */
  public static String sanitize(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
    lower = lower.replaceAll("^[-_]+", "");
    return lower.isEmpty() ? "release" : lower;
  }

  /** True when compose takes the name as a project name as it is. */
  public static boolean isValid(String name) {
    return name.matches("[a-z0-9][a-z0-9_-]*");
  }

  /** The port offset of a release name: 100 × (1 + CRC-32 of the name mod 99). */
  public static int offsetOf(String name) {
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return (int) (100 * (1 + crc.getValue() % 99));
  }
}
