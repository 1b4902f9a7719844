package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryImage;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential chain for one build, in the order of {@code docs/contract.md} and the same for
 * base-image pulls and pushes: settings.xml, the environment, then Docker's {@code config.json}
 * ({@code credHelpers}, {@code credsStore}, {@code auths}). The log names the source once per
 * registry and reactor (again only if another credential is used), never the secret.
 */
final class JibCredentials {

  private final RegistryPolicy policy;
  private final BuildLog log;
  private final Map<String, String> sourceByRegistry = new ConcurrentHashMap<>();

  private final RegistryConnections connections;

  JibCredentials(RegistryPolicy policy, BuildLog log) {
    this(policy, log, null);
  }

  /**
   * @param connections registry clients to share with other modules, null for none
   */
  JibCredentials(RegistryPolicy policy, BuildLog log, RegistryConnections connections) {
    this.policy = policy;
    this.log = log;
    this.connections = connections == null ? new RegistryConnections() : connections;
  }

  /** The registry clients this build shares. */
  RegistryConnections connections() {
    return connections;
  }

  /** A registry image carrying the credential chain for its registry. */
  RegistryImage registryImage(ImageReference reference) {
    RegistryImage image = RegistryImage.named(reference);
    image.addCredentialRetriever(() -> retrieve(reference));
    return image;
  }

  /** The first credential the chain finds, for direct registry calls. */
  Optional<Credential> retrieve(ImageReference reference) {
    String registry = reference.getRegistry();
    Optional<RegistryCredential> found = policy.credentialFor(registry);
    String key = registry.toLowerCase(Locale.ROOT);
    String source = found.map(RegistryCredential::source).orElse("");
    sourceByRegistry.put(key, source);
    if (found.isPresent()) {
      String line =
          "Registry "
              + registry
              + ": using credentials of '"
              + found.get().username()
              + "' from "
              + source;
      if (connections.firstTime(line)) {
        log.info(line);
      }
    } else {
      String line =
          "Registry "
              + registry
              + ": no credentials found (looked in "
              + policy.credentialSources(registry)
              + "); connecting anonymously";
      if (connections.firstTime(line)) {
        log.debug(line);
      }
    }
    return found.map(credential -> Credential.from(credential.username(), credential.password()));
  }

  /** The source of the credential used for a registry, empty when anonymous or not yet asked. */
  Optional<String> sourceFor(String registry) {
    String source = sourceByRegistry.get(registry.toLowerCase(Locale.ROOT));
    return source == null || source.isEmpty() ? Optional.empty() : Optional.of(source);
  }

  RegistryPolicy policy() {
    return policy;
  }
}
