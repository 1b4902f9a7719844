package dev.dockyard.registry;

import dev.dockyard.setting.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How to reach registries: which may speak plain HTTP or unverified TLS, which base-image
 * registries are mirrored, and where credentials come from.
 */
public final class RegistryPolicy {

  private final List<String> insecureRegistries;
  private final Map<String, String> mirrors;
  private final Function<String, Optional<RegistryCredential>> credentials;
  private final DockerConfigCredentials dockerConfig;
  private final CaCertificates caCertificates;
  private final Map<String, Optional<RegistryCredential>> found = new ConcurrentHashMap<>();
  private Duration retryTime = RetryBudget.DEFAULT;

  /**
   * @param insecureRegistries registries ({@code host} or {@code host:port}) allowed plain HTTP or
   *     unverified TLS
   * @param mirrors registry to mirror prefix ({@code docker.io -> nexus.corp:5000/dockerhub})
   * @param credentials the explicit credential chain (settings.xml, environment), by registry
   * @param dockerConfig Docker's {@code config.json}, consulted after the explicit chain
   * @param caCertificates CAs trusted on top of the JVM's trust store
   */
  public RegistryPolicy(
      List<String> insecureRegistries,
      Map<String, String> mirrors,
      Function<String, Optional<RegistryCredential>> credentials,
      DockerConfigCredentials dockerConfig,
      CaCertificates caCertificates) {
    this.insecureRegistries = new ArrayList<>();
    for (String registry : insecureRegistries) {
      if (!registry.isBlank()) {
        this.insecureRegistries.add(registry.trim().toLowerCase(Locale.ROOT));
      }
    }
    this.mirrors = new LinkedHashMap<>(mirrors);
    this.credentials = credentials;
    this.dockerConfig = dockerConfig;
    this.caCertificates = caCertificates;
  }

  /** A policy whose Docker config is the one the Docker CLI would read in this environment. */
  public RegistryPolicy(
      List<String> insecureRegistries,
      Map<String, String> mirrors,
      Function<String, Optional<RegistryCredential>> credentials) {
    this(
        insecureRegistries,
        mirrors,
        credentials,
        DockerConfigCredentials.fromEnvironment(System.getenv()),
        CaCertificates.none());
  }

  /** This policy with {@code <registryRetryTime>}: how long a failing registry is retried. */
  public RegistryPolicy withRetryTime(Duration time) {
    RegistryPolicy copy =
        new RegistryPolicy(insecureRegistries, mirrors, credentials, dockerConfig, caCertificates);
    copy.retryTime = time;
    return copy;
  }

  /** A fresh budget for retrying one image's registry calls, from now. */
  public RetryBudget retryBudget() {
    return RetryBudget.starting(retryTime);
  }

  /** CAs from {@code <caCertificates>}, trusted on top of the JVM's trust store. */
  public CaCertificates caCertificates() {
    return caCertificates;
  }

  /** True for registries listed as insecure, and for localhost and 127.0.0.1 on any port. */
  public boolean isInsecure(String registry) {
    return isListedOrLocal(insecureRegistries, registry);
  }

  /** {@link #isInsecure(String)} against a list of {@code <insecureRegistries>} as written. */
  public static boolean isInsecure(List<String> insecureRegistries, String registry) {
    return isListedOrLocal(
        insecureRegistries.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList(), registry);
  }

  /**
   * @param listed the insecure registries, trimmed and lowercase
   */
  private static boolean isListedOrLocal(List<String> listed, String registry) {
    String normalized = registry.toLowerCase(Locale.ROOT);
    String host = hostOf(normalized);
    if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) {
      return true;
    }
    return listed.contains(normalized) || listed.contains(host);
  }

  /**
   * The credential for a registry, first found wins: the explicit chain (settings.xml,
   * environment), then Docker's config; looked up once per registry.
   *
   * @throws CredentialLookupException when a source exists but cannot be read
   */
  public Optional<RegistryCredential> credentialFor(String registry) {
    String key = registry.toLowerCase(Locale.ROOT);
    Optional<RegistryCredential> cached = found.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<RegistryCredential> credential = credentials.apply(registry);
    if (credential.isEmpty() && dockerConfig != null) {
      credential = dockerConfig.lookup(registry);
    }
    found.put(key, credential);
    return credential;
  }

  /** Where credentials for a registry were looked for, for a message when none was found. */
  public String credentialSources(String registry) {
    String host = hostOf(registry.toLowerCase(Locale.ROOT));
    String servers =
        host.equals(registry.toLowerCase(Locale.ROOT))
            ? "'" + registry + "'"
            : "'" + registry + "' or '" + host + "'";
    return Setting.SERVER_CREDENTIALS.file()
        + " "
        + Setting.SERVER_CREDENTIALS.element()
        + " "
        + servers
        + ", DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, "
        + (dockerConfig == null ? "Docker config" : "Docker config " + dockerConfig.configFile());
  }

  /**
   * The base image reference with its registry rewritten through {@code <mirrors>}; unchanged when
   * no mirror matches.
   */
  public String mirrored(String registry, String repository) {
    String mirror = mirrors.get(registry);
    if (mirror == null && registry.equals("registry-1.docker.io")) {
      mirror = mirrors.get("docker.io");
    }
    if (mirror == null) {
      return null;
    }
    return mirror.replaceAll("/+$", "") + "/" + repository;
  }

  static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      int end = registry.indexOf(']');
      return end < 0 ? registry : registry.substring(0, end + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
