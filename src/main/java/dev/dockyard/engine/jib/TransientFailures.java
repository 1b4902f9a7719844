package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.http.ResponseException;
import dev.dockyard.setting.Setting;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Which registry failures are worth another attempt: connection resets, timeouts, an answer cut
 * short, 429 Too Many Requests, 5xx, and an upload session the registry dropped after a reset. A
 * refused connection, an unknown host, 4xx and TLS trust failures are not: they fail the same way
 * again.
 */
final class TransientFailures {

  private TransientFailures() {}

  /** A short description of the transient failure in the chain, or null if there is none. */
  static String describe(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      int status = status(t);
      if (status == 429 || status >= 500) {
        return "HTTP " + status;
      }
    }
    for (Throwable t : chain) {
      String message = String.valueOf(t.getMessage());
      // A PATCH that jib's HTTP client retried after a reset lands in an upload session the
      // registry already closed; a fresh attempt starts a new session.
      if (message.contains("BLOB_UPLOAD_INVALID")
          || message.contains("BLOB_UPLOAD_UNKNOWN")
          || message.contains("blob upload invalid")
          || message.contains("blob upload unknown")) {
        return "upload session lost (" + (message.contains("nvalid") ? "invalid" : "unknown") + ")";
      }
      // The same after a reset mid-upload, from a registry that sends no error body with its 404.
      if (message.contains("Tried to push BLOB") && message.contains("404")) {
        return "upload session lost (unknown)";
      }
    }
    for (Throwable t : chain) {
      if (t instanceof ConnectException) {
        return null;
      }
      if (t instanceof RegistryRetries.RegistryStalled) {
        return t.getMessage();
      }
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof SocketTimeoutException) {
        return "timeout: " + t.getMessage();
      }
      if (t instanceof SocketException || t instanceof EOFException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
      if (t.getClass().getName().equals("org.apache.http.NoHttpResponseException")
          || t.getClass().getName().equals("org.apache.http.ConnectionClosedException")
          || t.getClass().getName().equals("org.apache.http.TruncatedChunkException")) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
      if (t instanceof SSLException
          && (message.contains("connection reset")
              || message.contains("remote host terminated")
              || message.contains("broken pipe"))) {
        return "connection lost during TLS: " + t.getMessage();
      }
    }
    return null;
  }

  private static int status(Throwable t) {
    if (t instanceof ResponseException response) {
      return response.getStatusCode();
    }
    return -1;
  }

  /** The warning before another attempt: what failed, which attempt comes and when. */
  static String retrying(String image, String why, int next, long waitMillis) {
    return failed(image, why) + "; attempt " + next + " in " + waitMillis / 1000.0 + "s";
  }

  /** What failed: the start of every warning about a transient failure. */
  static String failed(String image, String why) {
    return "Registry failure for " + image + " (" + why + ")";
  }

  /** The warning when the budget ends: the last failure, the attempts and the time they had. */
  static String givingUp(String image, String why, int attempts, Duration budget) {
    return "Giving up on "
        + image
        + " after "
        + attempts
        + " attempts within "
        + Setting.REGISTRY_RETRY_TIME.element()
        + " ("
        + budget.toSeconds()
        + "s): "
        + why;
  }

  /**
   * A {@code Retry-After} value in milliseconds: delay-seconds or an HTTP date; -1 when absent or
   * unreadable. At most a minute: the retry budget decides how long a build waits in all.
   */
  static long retryAfterMillis(String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    long millis;
    try {
      millis = Long.parseLong(value.trim()) * 1000;
    } catch (NumberFormatException e) {
      try {
        millis =
            Duration.between(
                    Instant.now(),
                    ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME))
                .toMillis();
      } catch (DateTimeParseException unreadable) {
        return -1;
      }
    }
    return Math.max(0, Math.min(60_000, millis));
  }
}
