package dev.dockyard.engine.docker;

import com.github.dockerjava.api.model.AuthConfig;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.registry.DockerConfigCredentials;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.util.Optional;

/**
 * The credentials the engine gets for one registry: the same chain as the daemonless path
 * (settings.xml, environment, Docker's {@code config.json}), from {@link RegistryPolicy}. The log
 * names the source, never the secret.
 */
final class RegistryAuth {

  private final RegistryPolicy policy;
  private final BuildLog log;

  RegistryAuth(RegistryPolicy policy, BuildLog log) {
    this.policy = policy;
    this.log = log;
  }

  /** The credentials for {@code registry}, or empty when no source has any. */
  Optional<AuthConfig> forRegistry(String registry) {
    Optional<RegistryCredential> found = policy.credentialFor(registry);
    if (found.isEmpty()) {
      log.debug("No credentials for " + registry + "; pushing anonymously");
      return Optional.empty();
    }
    RegistryCredential credential = found.get();
    log.info("Using credentials from " + credential.source() + " for " + registry);
    AuthConfig auth = new AuthConfig().withRegistryAddress(registry);
    return Optional.of(
        DockerConfigCredentials.IDENTITY_TOKEN_USER.equals(credential.username())
            ? auth.withIdentityToken(credential.password())
            : auth.withUsername(credential.username()).withPassword(credential.password()));
  }

  /** The registry of an image reference, empty for Docker Hub and build stages. */
  static Optional<String> registryOf(String reference) {
    int slash = reference.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String first = reference.substring(0, slash);
    boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return isRegistry ? Optional.of(first) : Optional.empty();
  }
}
