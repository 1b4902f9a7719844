package com.google.cloud.tools.jib.http;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.client.util.SslUtils;
import java.security.GeneralSecurityException;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

/**
 * A {@link FailoverHttpClient} whose requests share one HTTP transport (one for HTTPS that checks
 * certificates, one that does not), so that they share its pool of kept-alive connections.
 *
 * <p>jib-core's public constructor builds a new Apache client for every request: a new TLS context
 * and socket, and with an HTTPS registry a TLS handshake, per request, and no socket is closed
 * until the client is shut down. That suits one containerize run; a client shared by a reactor's
 * modules would pile them up. The constructor that takes the transports is package-private, hence
 * this class in jib-core's package. The transports are built as jib-core builds them.
 */
public final class KeptTransportClients {

  private KeptTransportClients() {}

  /**
   * A client whose HTTPS transport trusts the JVM's default TLS context as it is now, and which,
   * when {@code insecure}, fails over to an unchecked HTTPS transport and to plain HTTP.
   */
  public static FailoverHttpClient create(boolean insecure) {
    HttpTransport secure = secureTransport();
    HttpTransport unchecked = insecure ? uncheckedTransport() : null;
    return new FailoverHttpClient(
        insecure, false, event -> {}, () -> secure, () -> unchecked, true);
  }

  private static HttpTransport secureTransport() {
    return new ApacheHttpTransport(
        ApacheHttpTransport.newDefaultHttpClientBuilder()
            .setSSLSocketFactory(SSLConnectionSocketFactory.getSystemSocketFactory())
            .build());
  }

  private static HttpTransport uncheckedTransport() {
    try {
      return new ApacheHttpTransport(
          ApacheHttpTransport.newDefaultHttpClientBuilder()
              .setSSLSocketFactory(null)
              .setSSLContext(SslUtils.trustAllSSLContext())
              .setSSLHostnameVerifier(new NoopHostnameVerifier())
              .build());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime offers no TLS context", e);
    }
  }
}
