package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import dev.dockyard.engine.RegistryConnections;
import java.io.IOException;
import java.net.URL;

/**
 * One anonymous {@code GET /v2/} to the registry a build will push to, sent on a spare thread as
 * the build starts, through the session's shared HTTP client: the first push then finds jib's HTTP
 * client loaded, and the HTTPS attempt and its fallback to plain HTTP done and remembered. Whatever
 * the registry answers, or fails to, is dropped: the push reaches it again and reports what it
 * meets.
 */
public final class RegistryGreeting {

  private RegistryGreeting() {}

  /** Greets the registry ({@code host[:port]}); never throws. */
  public static void greet(String registry, boolean insecure, RegistryConnections connections) {
    try {
      FailoverHttpClient http = SharedHttp.of(connections, insecure);
      try (Response response =
          http.get(new URL("https://" + registry + "/v2/"), Request.builder().build())) {
        response.getStatusCode();
      }
    } catch (IOException | RuntimeException e) {
      // 401 and the like arrive as exceptions: the greeting has done its work all the same.
    }
  }
}
