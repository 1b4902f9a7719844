package dev.dockyard.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Finds the Docker engine the way the Docker CLI does: {@code DOCKER_HOST}; else the context named
 * by {@code DOCKER_CONTEXT} or {@code currentContext} in {@code config.json} (its endpoint in
 * {@code contexts/meta/<sha256 of name>/meta.json}, its TLS files in {@code contexts/tls/...});
 * else the first default socket that exists: {@code /var/run/docker.sock}, {@code
 * ~/.docker/run/docker.sock}, {@code $XDG_RUNTIME_DIR/docker.sock}. TLS for {@code DOCKER_HOST}
 * comes from {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} (default {@code ~/.docker}).
 */
final class EngineLocator {

  static final String SYSTEM_SOCKET = "/var/run/docker.sock";

  private final Map<String, String> env;
  private final Path home;
  private final Path systemSocket;

  /**
   * @param env the process environment
   * @param home the user's home directory
   */
  EngineLocator(Map<String, String> env, Path home) {
    this(env, home, Path.of(SYSTEM_SOCKET));
  }

  EngineLocator(Map<String, String> env, Path home, Path systemSocket) {
    this.env = env;
    this.home = home;
    this.systemSocket = systemSocket;
  }

  /**
   * Where the engine should be, and how to talk to it. When nothing is configured and no default
   * socket exists, the endpoint is the system socket and {@link EngineEndpoint#lookedAt()} lists
   * every place tried, for the error message.
   *
   * @throws EngineConfigException when a named context does not exist or its files are unreadable
   */
  EngineEndpoint locate() throws EngineConfigException {
    List<String> lookedAt = new ArrayList<>();
    String dockerHost = value("DOCKER_HOST");
    if (dockerHost != null) {
      boolean tls = value("DOCKER_TLS_VERIFY") != null && !"0".equals(value("DOCKER_TLS_VERIFY"));
      Path certPath = tls ? certPath() : null;
      lookedAt.add("DOCKER_HOST=" + dockerHost);
      return new EngineEndpoint(dockerHost, tls, certPath, "DOCKER_HOST", lookedAt);
    }
    lookedAt.add("DOCKER_HOST (not set)");

    Path dockerConfig = dockerConfigDir();
    String context = value("DOCKER_CONTEXT");
    String contextSource = "DOCKER_CONTEXT";
    if (context == null) {
      context = currentContext(dockerConfig.resolve("config.json"));
      contextSource = dockerConfig.resolve("config.json") + " currentContext";
    }
    if (context != null && !context.equals("default")) {
      lookedAt.add("Docker context '" + context + "' (" + contextSource + ")");
      return fromContext(dockerConfig, context, contextSource, lookedAt);
    }
    lookedAt.add("Docker context (none current)");

    List<Path> sockets = new ArrayList<>();
    sockets.add(systemSocket);
    sockets.add(home.resolve(".docker").resolve("run").resolve("docker.sock"));
    String runtimeDir = value("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      sockets.add(Path.of(runtimeDir).resolve("docker.sock"));
    }
    for (Path socket : sockets) {
      lookedAt.add(socket.toString());
      if (Files.exists(socket)) {
        return new EngineEndpoint(
            "unix://" + socket, false, null, "default socket " + socket, lookedAt);
      }
    }
    return new EngineEndpoint(
        "unix://" + systemSocket, false, null, "default socket (none exists)", lookedAt);
  }

  /** The folder holding {@code config.json} and {@code contexts/}: {@code DOCKER_CONFIG}. */
  Path dockerConfigDir() {
    String configured = value("DOCKER_CONFIG");
    return configured != null ? Path.of(configured) : home.resolve(".docker");
  }

  private Path certPath() {
    String configured = value("DOCKER_CERT_PATH");
    return configured != null ? Path.of(configured) : home.resolve(".docker");
  }

  private EngineEndpoint fromContext(
      Path dockerConfig, String context, String source, List<String> lookedAt)
      throws EngineConfigException {
    String digest = sha256(context);
    Path meta =
        dockerConfig.resolve("contexts").resolve("meta").resolve(digest).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new EngineConfigException(
          "Docker context not found: '"
              + context
              + "' named by "
              + source
              + " has no "
              + meta
              + "; create it with docker context create, or unset DOCKER_CONTEXT, or set"
              + " DOCKER_HOST",
          null);
    }
    JsonNode endpoint;
    try {
      endpoint = new ObjectMapper().readTree(meta.toFile()).path("Endpoints").path("docker");
    } catch (IOException e) {
      throw new EngineConfigException(
          "Docker context unreadable: '" + meta + "': " + e.getMessage(), e);
    }
    String host = endpoint.path("Host").asText(null);
    if (host == null || host.isBlank()) {
      throw new EngineConfigException(
          "Docker context has no docker endpoint: '"
              + context
              + "' in "
              + meta
              + "; recreate it with docker context create --docker host=...",
          null);
    }
    Path tls = dockerConfig.resolve("contexts").resolve("tls").resolve(digest).resolve("docker");
    boolean hasTls = Files.isDirectory(tls);
    boolean verify = hasTls && !endpoint.path("SkipTLSVerify").asBoolean(false);
    return new EngineEndpoint(
        host, verify, hasTls ? tls : null, "Docker context '" + context + "'", lookedAt);
  }

  private static String currentContext(Path configJson) throws EngineConfigException {
    if (!Files.isRegularFile(configJson)) {
      return null;
    }
    try {
      String text = Files.readString(configJson, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        return null;
      }
      String current = new ObjectMapper().readTree(text).path("currentContext").asText(null);
      return current == null || current.isBlank() ? null : current;
    } catch (IOException e) {
      throw new EngineConfigException(
          "Docker config unreadable: '" + configJson + "': " + e.getMessage(), e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String value(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A Docker configuration that points nowhere usable; the user fixes it. */
  static final class EngineConfigException extends Exception {
    EngineConfigException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
