package dev.dockyard.registry;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the user asked registries to be reached, before credentials are looked up: the values a
 * {@link RegistryPolicy} is made of.
 *
 * @param insecureRegistries registries allowed plain HTTP or unverified TLS
 * @param mirrors base-image registry to mirror prefix
 * @param caCertificates CA files trusted on top of the JVM's trust store, absolute
 * @param credentialHelperTimeout seconds a Docker credential helper may take, as written
 * @param retryTime seconds a failing registry is retried for one image, as written
 */
public record RegistrySettings(
    List<String> insecureRegistries,
    Map<String, String> mirrors,
    List<Path> caCertificates,
    String credentialHelperTimeout,
    String retryTime) {

  public RegistrySettings {
    insecureRegistries = List.copyOf(insecureRegistries);
    mirrors = Collections.unmodifiableMap(new LinkedHashMap<>(mirrors));
    caCertificates = List.copyOf(caCertificates);
  }

  /** True when the registry may be reached over plain HTTP or unverified TLS. */
  public boolean isInsecure(String registry) {
    return RegistryPolicy.isInsecure(insecureRegistries, registry);
  }
}
