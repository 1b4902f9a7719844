package dev.dockyard.engine.docker;

import com.github.dockerjava.api.model.AuthConfig;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.util.Optional;

/**
 * The credentials the engine gets for one registry, in the same order as the daemonless path: the
 * explicit chain (settings.xml, environment), then Docker's {@code config.json} ({@code auths},
 * {@code credHelpers}, {@code credsStore}, read with jib-core's reader). The log names the source,
 * never the secret.
 */
final class RegistryAuth {

  // jib-core reports an identity token under this user name, as Docker's config does
  private static final String TOKEN_USER = "<token>";

  private final RegistryPolicy policy;
  private final BuildLog log;

  RegistryAuth(RegistryPolicy policy, BuildLog log) {
    this.policy = policy;
    this.log = log;
  }

  /** The credentials for {@code registry}, or empty when no source has any. */
  Optional<AuthConfig> forRegistry(String registry) throws CredentialRetrievalException {
    Optional<RegistryCredential> explicit = policy.credentialFor(registry);
    if (explicit.isPresent()) {
      RegistryCredential credential = explicit.get();
      log.info("Using credentials from " + credential.source() + " for " + registry);
      return Optional.of(
          new AuthConfig()
              .withRegistryAddress(registry)
              .withUsername(credential.username())
              .withPassword(credential.password()));
    }
    ImageReference reference = ImageReference.of(registry, "dockyard/probe", null);
    CredentialRetrieverFactory factory =
        CredentialRetrieverFactory.forImage(
            reference,
            event -> {
              if (event.getLevel() == LogEvent.Level.LIFECYCLE
                  || event.getLevel() == LogEvent.Level.INFO) {
                log.debug(event.getMessage());
              }
            });
    Optional<Credential> found = factory.dockerConfig().retrieve();
    if (found.isEmpty()) {
      log.debug("No credentials for " + registry + "; pushing anonymously");
      return Optional.empty();
    }
    log.info("Using credentials from Docker config.json for " + registry);
    Credential credential = found.get();
    AuthConfig auth = new AuthConfig().withRegistryAddress(registry);
    return Optional.of(
        TOKEN_USER.equals(credential.getUsername())
            ? auth.withIdentityToken(credential.getPassword())
            : auth.withUsername(credential.getUsername()).withPassword(credential.getPassword()));
  }
}
