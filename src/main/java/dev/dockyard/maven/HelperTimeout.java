package dev.dockyard.maven;

import dev.dockyard.registry.DockerConfigCredentials;
import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;

/** {@code <credentialHelperTimeout>}: how long a Docker credential helper may take. */
final class HelperTimeout {

  private HelperTimeout() {}

  /** Whole seconds, at least 1; unset means the default. */
  static Duration parse(String value) throws MojoFailureException {
    if (value == null) {
      return DockerConfigCredentials.DEFAULT_HELPER_TIMEOUT;
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      seconds = 0;
    }
    if (seconds < 1 || seconds > 3600) {
      throw new MojoFailureException(
          "Invalid credential helper timeout: '"
              + value
              + "' in <credentialHelperTimeout>/-Ddockyard.credentialHelperTimeout; use whole"
              + " seconds from 1 to 3600, such as 60");
    }
    return Duration.ofSeconds(seconds);
  }
}
