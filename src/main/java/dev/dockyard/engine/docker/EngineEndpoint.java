package dev.dockyard.engine.docker;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a Docker engine listens and how to reach it.
 *
 * @param host the engine address, {@code unix:///path} or {@code tcp://host:port}
 * @param tlsVerify whether to speak TLS and verify the engine's certificate
 * @param certPath the folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or null
 * @param source where the address came from, for the log ({@code DOCKER_HOST}, a context...)
 * @param lookedAt every place looked at, in order, for error messages
 */
record EngineEndpoint(
    String host, boolean tlsVerify, Path certPath, String source, List<String> lookedAt) {

  EngineEndpoint {
    lookedAt = List.copyOf(lookedAt);
  }
}
