package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.sun.net.httpserver.HttpServer;
import dev.dockyard.engine.RegistryConnections;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * One HTTP client per build and insecure setting, and one of its own inside a CA scope; the shared
 * client's requests share kept-alive connections.
 */
class SharedHttpTest {

  private final RegistryConnections connections = new RegistryConnections();

  @Test
  void aBuildKeepsOneClientPerInsecureSetting() {
    FailoverHttpClient insecure = SharedHttp.of(connections, true);

    assertThat(SharedHttp.of(connections, true)).isSameAs(insecure);
    assertThat(SharedHttp.of(connections, false))
        .isNotSameAs(insecure)
        .isSameAs(SharedHttp.of(connections, false));
  }

  @Test
  void aClientForgottenAfterAFailureIsMadeAgain() {
    FailoverHttpClient first = SharedHttp.of(connections, true);
    connections.clear();

    assertThat(SharedHttp.of(connections, true)).isNotSameAs(first);
  }

  @Test
  void insideACaScopeEachCallGetsAClientOfItsOwn() throws Exception {
    FailoverHttpClient shared = SharedHttp.of(connections, true);

    FailoverHttpClient scoped =
        ScopedTrust.call(ScopedTrust.jvmTrust(), () -> SharedHttp.of(connections, true));

    assertThat(scoped).isNotSameAs(shared);
    assertThat(SharedHttp.of(connections, true)).isSameAs(shared);
  }

  @Test
  void theSharedClientsRequestsReuseOneConnection() throws Exception {
    assertThat(connectionsFor(SharedHttp.of(connections, true))).isEqualTo(1);
  }

  @Test
  void jibsOwnClientOpensAConnectionPerRequest() throws Exception {
    // what the shared client avoids, and what makes the test above able to fail
    assertThat(connectionsFor(new FailoverHttpClient(true, false, event -> {}))).isEqualTo(4);
  }

  /**
   * How many connections four sequential HEAD requests (as for a manifest or blob check) of a
   * loopback server arrive on.
   */
  private static int connectionsFor(FailoverHttpClient http) throws Exception {
    Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v2/",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          exchange.getResponseHeaders().add("Docker-Content-Digest", "sha256:" + "0".repeat(64));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/");
      for (int i : List.of(1, 2, 3, 4)) {
        try (Response response = http.call("HEAD", url, Request.builder().build())) {
          assertThat(response.getStatusCode()).as("request %d", i).isEqualTo(200);
        }
      }
    } finally {
      server.stop(0);
    }
    return clientPorts.size();
  }
}
