package dev.dockyard.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach registries: which may speak plain HTTP or unverified TLS, which base-image
 * registries are mirrored, and where credentials come from.
 */
public final class RegistryPolicy {

  private final List<String> insecureRegistries;
  private final Map<String, String> mirrors;
  private final Function<String, Optional<RegistryCredential>> credentials;

  /**
   * @param insecureRegistries registries ({@code host} or {@code host:port}) allowed plain HTTP or
   *     unverified TLS
   * @param mirrors registry to mirror prefix ({@code docker.io -> nexus.corp:5000/dockerhub})
   * @param credentials the explicit credential chain (settings.xml, environment), by registry;
   *     Docker config is consulted by the engines after it
   */
  public RegistryPolicy(
      List<String> insecureRegistries,
      Map<String, String> mirrors,
      Function<String, Optional<RegistryCredential>> credentials) {
    this.insecureRegistries = new ArrayList<>();
    for (String registry : insecureRegistries) {
      if (!registry.isBlank()) {
        this.insecureRegistries.add(registry.trim().toLowerCase(Locale.ROOT));
      }
    }
    this.mirrors = new LinkedHashMap<>(mirrors);
    this.credentials = credentials;
  }

  /** True for registries listed as insecure, and for localhost and 127.0.0.1 on any port. */
  public boolean isInsecure(String registry) {
    String normalized = registry.toLowerCase(Locale.ROOT);
    String host = hostOf(normalized);
    if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) {
      return true;
    }
    return insecureRegistries.contains(normalized) || insecureRegistries.contains(host);
  }

  /** The credential from the explicit chain for a registry, if any. */
  public Optional<RegistryCredential> credentialFor(String registry) {
    return credentials.apply(registry);
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
