package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

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
            TransientFailures.describe(
                new ExecutionException(new IOException(new SocketException("Connection reset")))))
        .isEqualTo("SocketException: Connection reset");
    assertThat(TransientFailures.describe(new SocketTimeoutException("Read timed out")))
        .isEqualTo("timeout: Read timed out");
    assertThat(
            TransientFailures.describe(
                new IOException("failed because: other: blob upload unknown: 404 Not Found")))
        .isEqualTo("upload session lost (unknown)");
  }

  @Test
  void doesNotRetryWhatFailsTheSameWayAgain() {
    assertThat(TransientFailures.describe(new ConnectException("Connection refused"))).isNull();
    assertThat(TransientFailures.describe(new UnknownHostException("registry.invalid"))).isNull();
    assertThat(TransientFailures.describe(new SSLHandshakeException("PKIX path building failed")))
        .isNull();
    assertThat(TransientFailures.describe(new IOException("manifest unknown"))).isNull();
  }
}
