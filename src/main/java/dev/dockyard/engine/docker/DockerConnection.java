package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * One open connection to a Docker engine, with the API version negotiated: the engine is asked
 * unversioned for its version, then spoken to at the lower of its API version and the newest this
 * client knows, so old engines (20.10, API 1.41) and new ones that refuse old versions both work.
 */
final class DockerConnection implements AutoCloseable {

  /** The newest API version docker-java 3.5 models. */
  static final RemoteApiVersion NEWEST_KNOWN = RemoteApiVersion.VERSION_1_44;

  private final DockerHttpClient http;
  private final DockerClient client;
  private final Version version;
  private final String apiVersion;

  private DockerConnection(
      DockerHttpClient http, DockerClient client, Version version, String apiVersion) {
    this.http = http;
    this.client = client;
    this.version = version;
    this.apiVersion = apiVersion;
  }

  /*
   * The HTTP client logs every request header at debug, and a push carries the registry password in
   * X-Registry-Auth (base64 JSON): under mvn -X, Maven's simple logger would print it. Those loggers
   * read their level from these properties when they are created, which is after this point.
   */
  static {
    for (String logger :
        java.util.List.of(
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers")) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "info");
      }
    }
  }

  /**
   * Connects and negotiates; fails with the transport's exception when the engine does not answer.
   */
  static DockerConnection open(EngineEndpoint endpoint, java.nio.file.Path dockerConfigDir) {
    DefaultDockerClientConfig.Builder builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(endpoint.host())
            .withDockerTlsVerify(endpoint.tlsVerify())
            .withDockerConfig(dockerConfigDir.toString());
    if (endpoint.certPath() != null) {
      builder.withDockerCertPath(endpoint.certPath().toString());
    }
    DefaultDockerClientConfig unversioned = builder.build();
    DockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(URI.create(endpoint.host()))
            .sslConfig(unversioned.getSSLConfig())
            .maxConnections(8)
            .connectionTimeout(Duration.ofSeconds(10))
            .build();
    try {
      Version version = DockerClientImpl.getInstance(unversioned, http).versionCmd().exec();
      RemoteApiVersion engineApi = RemoteApiVersion.parseConfig(version.getApiVersion());
      RemoteApiVersion chosen = engineApi.isGreater(NEWEST_KNOWN) ? NEWEST_KNOWN : engineApi;
      DefaultDockerClientConfig versioned = builder.withApiVersion(chosen).build();
      DockerClient client = DockerClientImpl.getInstance(versioned, http);
      return new DockerConnection(http, client, version, chosen.getVersion());
    } catch (RuntimeException e) {
      try {
        http.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  DockerClient client() {
    return client;
  }

  /** For the log: {@code Docker 20.10.24, API 1.41}. */
  String describe() {
    return "Docker " + version.getVersion() + ", API " + apiVersion;
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
