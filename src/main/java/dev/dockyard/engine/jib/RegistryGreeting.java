package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import java.io.IOException;
import java.net.URL;

/**
 * One anonymous {@code GET /v2/} to the registry a build will push to, sent on a spare thread as
 * the build starts: the first push then finds jib's HTTP client, the HTTPS attempt and its fallback
 * to plain HTTP already loaded and run once. Whatever the registry answers, or fails to, is
 * dropped: the push reaches it again and reports what it meets.
 */
public final class RegistryGreeting {

  private RegistryGreeting() {}

  /** Greets the registry ({@code host[:port]}); never throws. */
  public static void greet(String registry, boolean insecure) {
    try {
      FailoverHttpClient http = new FailoverHttpClient(insecure, false, event -> {});
      try (Response response =
          http.get(new URL("https://" + registry + "/v2/"), Request.builder().build())) {
        response.getStatusCode();
      } finally {
        http.shutDown();
      }
    } catch (IOException | RuntimeException e) {
      // 401 and the like arrive as exceptions: the greeting has done its work all the same.
    }
  }
}
