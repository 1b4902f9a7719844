package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import dev.dockyard.engine.BuildLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a registry before jib talks to it, so a wrong name or wrong TLS fails at once with a clear
 * message instead of after jib's minute of retries: the host must resolve, and a registry not
 * allowed insecure must complete a verified TLS handshake (certificate chain and host name). A
 * registry that does not answer at all is left to jib, which retries and reports it.
 */
final class RegistryTlsCheck {

  private static final int TIMEOUT_MILLIS = 10_000;

  private final X509ExtendedTrustManager trust;
  private final BuildLog log;

  RegistryTlsCheck(X509ExtendedTrustManager trust, BuildLog log) {
    this.trust = trust;
    this.log = log;
  }

  /** Whether the JVM is told to reach servers through a proxy; then direct checks prove nothing. */
  static boolean proxied() {
    for (String property : new String[] {"https.proxyHost", "http.proxyHost", "socksProxyHost"}) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  void check(String registry, boolean insecureAllowed)
      throws IOException, InsecureRegistryException {
    String host = host(registry);
    int port = port(registry);
    InetAddress address = InetAddress.getByName(host);
    if (insecureAllowed) {
      return;
    }
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
    }
    URL url = new URL("https://" + registry + "/v2/");
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      SSLParameters parameters = socket.getSSLParameters();
      // Verify the certificate against the name the user wrote, as jib's client does.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.connect(
          new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), port),
          TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.startHandshake();
      log.debug("Registry " + registry + " completed a verified TLS handshake");
    } catch (SSLException e) {
      throw new InsecureRegistryException(url, e);
    } catch (SocketTimeoutException | java.net.ConnectException e) {
      log.debug("Registry " + registry + " did not answer the TLS check: " + e.getMessage());
    }
  }

  static String host(String registry) {
    if (registry.startsWith("[")) {
      return registry.substring(1, registry.indexOf(']'));
    }
    int colon = registry.lastIndexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }

  static int port(String registry) {
    int bracket = registry.indexOf(']');
    int colon = registry.lastIndexOf(':');
    return colon > bracket && colon >= 0 ? Integer.parseInt(registry.substring(colon + 1)) : 443;
  }
}
