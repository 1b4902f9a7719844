package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credential chain for one image, in DESIGN order: the explicit chain (settings.xml,
 * environment), then Docker's {@code config.json} ({@code auths}, {@code credHelpers}, {@code
 * credsStore}); the log names the source, never the secret.
 */
final class JibCredentials {

  private final RegistryPolicy policy;
  private final BuildLog log;

  JibCredentials(RegistryPolicy policy, BuildLog log) {
    this.policy = policy;
    this.log = log;
  }

  /** A registry image carrying the credential chain for its registry. */
  RegistryImage registryImage(ImageReference reference) {
    RegistryImage image = RegistryImage.named(reference);
    retrievers(reference).forEach(image::addCredentialRetriever);
    return image;
  }

  /** The first credential the chain finds, for direct registry calls. */
  Optional<Credential> retrieve(ImageReference reference) throws CredentialRetrievalException {
    for (CredentialRetriever retriever : retrievers(reference)) {
      Optional<Credential> credential = retriever.retrieve();
      if (credential.isPresent()) {
        return credential;
      }
    }
    return Optional.empty();
  }

  private List<CredentialRetriever> retrievers(ImageReference reference) {
    String registry = reference.getRegistry();
    Optional<RegistryCredential> explicit = policy.credentialFor(registry);
    if (explicit.isPresent()) {
      RegistryCredential credential = explicit.get();
      return List.of(
          () -> {
            log.debug("Using credentials from " + credential.source() + " for " + registry);
            return Optional.of(Credential.from(credential.username(), credential.password()));
          });
    }
    Consumer<LogEvent> jibLog =
        event -> {
          // Jib reports the Docker config source at lifecycle/info level; keep it visible.
          if (event.getLevel() == LogEvent.Level.LIFECYCLE
              || event.getLevel() == LogEvent.Level.INFO) {
            log.debug(event.getMessage());
          }
        };
    CredentialRetrieverFactory factory = CredentialRetrieverFactory.forImage(reference, jibLog);
    return List.of(factory.dockerConfig(), factory.wellKnownCredentialHelpers());
  }
}
