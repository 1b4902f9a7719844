package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.maven.Rendered;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void retriesResetsTimeoutsAndLostUploadSessions() {
    assertThat(
            Rendered.text(
                TransientFailures.describe(
                    new ExecutionException(
                        new IOException(new SocketException("Connection reset"))))))
        .isEqualTo("SocketException: Connection reset");
    assertThat(
            Rendered.text(TransientFailures.describe(new SocketTimeoutException("Read timed out"))))
        .isEqualTo("timeout: Read timed out");
    assertThat(
            Rendered.text(
                TransientFailures.describe(
                    new IOException("failed because: other: blob upload unknown: 404 Not Found"))))
        .isEqualTo("upload session lost (unknown)");
    assertThat(
            Rendered.text(
                TransientFailures.describe(
                    new IOException(
                        "Tried to push BLOB for reg/shop/orders with digest sha256:84 but failed"
                            + " because: registry returned error code 404 but did not return any"
                            + " details; possible causes include invalid or wrong reference: 404"))))
        .isEqualTo("upload session lost (unknown)");
  }

  @Test
  void doesNotRetryWhatFailsTheSameWayAgain() {
    assertThat(
            Rendered.text(TransientFailures.describe(new ConnectException("Connection refused"))))
        .isNull();
    assertThat(
            Rendered.text(TransientFailures.describe(new UnknownHostException("registry.invalid"))))
        .isNull();
    assertThat(
            Rendered.text(
                TransientFailures.describe(new SSLHandshakeException("PKIX path building failed"))))
        .isNull();
    assertThat(Rendered.text(TransientFailures.describe(new IOException("manifest unknown"))))
        .isNull();
  }

  @Test
  void aStalledRegistryIsTransientAndNamesTheSetting() {
    assertThat(
            Rendered.text(
                TransientFailures.describe(
                    new RegistryRetries.RegistryStalled(
                        dev.dockyard.registry.RetryBudget.starting(
                            java.time.Duration.ofSeconds(20))))))
        .isEqualTo("no complete answer within <registryRetryTime> (20s); the registry stalls");
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDateAtMostAMinute() {
    assertThat(TransientFailures.retryAfterMillis("1")).isEqualTo(1_000);
    assertThat(TransientFailures.retryAfterMillis(" 0 ")).isZero();
    assertThat(TransientFailures.retryAfterMillis("3600")).isEqualTo(60_000);
    assertThat(TransientFailures.retryAfterMillis(null)).isEqualTo(-1);
    assertThat(TransientFailures.retryAfterMillis("soon")).isEqualTo(-1);
    assertThat(TransientFailures.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    String inTenSeconds =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
    assertThat(TransientFailures.retryAfterMillis(inTenSeconds)).isBetween(8_000L, 10_000L);
  }

  @Test
  void theWarningsSayWhatFailedAndWhatComes() {
    assertThat(TransientFailures.retrying("reg:5000/shop/orders", "HTTP 503", 2, 500))
        .isEqualTo("Registry failure for reg:5000/shop/orders (HTTP 503); attempt 2 in 0.5s");
    assertThat(
            Rendered.text(
                TransientFailures.givingUp(
                    "reg:5000/shop/orders", "HTTP 429", 9, java.time.Duration.ofSeconds(20))))
        .isEqualTo(
            "Giving up on reg:5000/shop/orders after 9 attempts within <registryRetryTime>"
                + " (20s): HTTP 429");
  }
}
