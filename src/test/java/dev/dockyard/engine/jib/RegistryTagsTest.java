package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tag lookups against a loopback registry that answers every manifest request with 503: the calls
 * given one budget stop retrying once it is spent, and say so once. The registry speaks plain HTTP
 * and, as a real one does, turns a TLS attempt away at once, so that jib's client falls back to
 * HTTP (the JDK's HTTP server would wait for a request line until the read times out).
 */
class RegistryTagsTest {

  private final RecordingLog log = new RecordingLog();
  private final AtomicInteger manifestRequests = new AtomicInteger();
  private HttpServer registry;
  private ServerSocket front;
  private ImageRequest request;
  private RegistryPolicy policy;

  @BeforeEach
  void startRegistry() throws Exception {
    registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    registry.createContext(
        "/v2/",
        exchange -> {
          boolean manifest = exchange.getRequestURI().getPath().contains("/manifests/");
          byte[] body =
              (manifest
                      ? "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"down for a test\"}]}"
                      : "{}")
                  .getBytes(StandardCharsets.UTF_8);
          if (manifest) {
            manifestRequests.incrementAndGet();
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          boolean head = exchange.getRequestMethod().equals("HEAD");
          exchange.sendResponseHeaders(manifest ? 503 : 200, head ? -1 : body.length);
          if (!head) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    registry.start();
    front = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread accepting = new Thread(this::turnAwayTls, "registry-front");
    accepting.setDaemon(true);
    accepting.start();
    String address = "127.0.0.1:" + front.getLocalPort();
    policy =
        new RegistryPolicy(
                List.of(address), Map.of(), r -> Optional.empty(), null, CaCertificates.none())
            .withRetryTime(Duration.ofSeconds(1));
    request =
        new ImageRequest(
            "orders",
            null,
            null,
            null,
            TestImages.named(address, "shop", "orders"),
            List.of("1.0", "latest"),
            Map.of(),
            null,
            Instant.EPOCH,
            policy,
            null,
            log,
            null,
            Map.of(),
            new RegistryConnections());
  }

  @AfterEach
  void stopRegistry() throws IOException {
    front.close();
    registry.stop(0);
  }

  /** Closes a connection that starts a TLS handshake; hands any other to the HTTP server. */
  private void turnAwayTls() {
    while (!front.isClosed()) {
      try {
        Socket client = front.accept();
        PushbackInputStream in = new PushbackInputStream(client.getInputStream());
        int first = in.read();
        if (first == 0x16 || first < 0) {
          client.close();
          continue;
        }
        in.unread(first);
        Socket upstream = new Socket("127.0.0.1", registry.getAddress().getPort());
        pump(in, upstream.getOutputStream(), upstream);
        pump(upstream.getInputStream(), client.getOutputStream(), client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pump(InputStream from, OutputStream to, Socket closeAtEnd) {
    Thread thread =
        new Thread(
            () -> {
              try (closeAtEnd) {
                from.transferTo(to);
              } catch (IOException ignored) {
                // the other side closed
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  @Test
  void callsOnOneBudgetStopRetryingOnceItIsSpent() {
    RetryBudget budget = policy.retryBudget();
    RegistryTags tags = new RegistryTags();

    assertThatThrownBy(() -> tags.digestOf(request, "1.0", budget))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("503");
    int first = manifestRequests.get();
    assertThatThrownBy(() -> tags.digestOf(request, "latest", budget))
        .isInstanceOf(EngineException.class);

    assertThat(first).as("the first lookup was retried").isGreaterThanOrEqualTo(2);
    assertThat(manifestRequests.get() - first).as("the second lookup, tried once").isEqualTo(1);
    assertThat(log.warnings).filteredOn(line -> line.startsWith("Giving up on ")).hasSize(1);
  }

  @Test
  void callsOnBudgetsOfTheirOwnEachRetry() {
    RegistryTags tags = new RegistryTags();

    assertThatThrownBy(() -> tags.digestOf(request, "1.0", policy.retryBudget()))
        .isInstanceOf(EngineException.class);
    int first = manifestRequests.get();
    assertThatThrownBy(() -> tags.digestOf(request, "latest", policy.retryBudget()))
        .isInstanceOf(EngineException.class);

    assertThat(manifestRequests.get() - first).isGreaterThanOrEqualTo(2);
    assertThat(log.warnings).filteredOn(line -> line.startsWith("Giving up on ")).hasSize(2);
  }
}
