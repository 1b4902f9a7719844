package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.KeptTransportClients;
import dev.dockyard.engine.RegistryConnections;
import java.util.Optional;

/**
 * The HTTP client of dockyard's own registry calls: one per session and insecure setting, so that
 * every module's clients share its kept-alive connections and its failover history (a registry that
 * answered the HTTPS attempt as plain HTTP is spoken to in plain HTTP from then on, instead of
 * being tried with a TLS handshake by every new client). Inside a {@code <caCertificates>} scope a
 * client of its own, so that no connection trusted under one module's CAs serves another.
 */
final class SharedHttp {

  private SharedHttp() {}

  /** The client for calls made on this thread. */
  static FailoverHttpClient of(RegistryConnections connections, boolean insecure) {
    if (ScopedTrust.scoped() != null) {
      return create(insecure);
    }
    String key = "http client" + (insecure ? " insecure" : "");
    Optional<FailoverHttpClient> kept = connections.find(key);
    if (kept.isPresent()) {
      return kept.get();
    }
    FailoverHttpClient http = KeptTransportClients.create(insecure);
    connections.keep(key, http);
    return http;
  }

  private static FailoverHttpClient create(boolean insecure) {
    return new FailoverHttpClient(insecure, false, event -> {});
  }
}
