package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.files.FileAccessException;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * What jib-core and the registries threw, said as the user can act on it: the registry, image or
 * folder that failed, and the setting that fixes it. One place, so that a push, a base-image read
 * and a tag move word the same failure the same way.
 */
final class JibFailures {

  private JibFailures() {}

  /** Carries a failure to read the base image out of the resolver's lazy lookup. */
  static final class BaseImageUnreadable extends RuntimeException {
    BaseImageUnreadable(Throwable cause) {
      super(cause);
    }
  }

  /** A failure of one image's build, as the engine reports it. */
  static EngineException of(Exception e, ImageRequest request, JibCredentials credentials) {
    if (e instanceof DockerfileException) {
      return new EngineException(e.getMessage(), true, e);
    }
    if (e instanceof InvalidImageReferenceException invalid) {
      return new EngineException(
          "Invalid image reference: '"
              + invalid.getInvalidReference()
              + "'; check "
              + Setting.REGISTRY.element()
              + ", "
              + Setting.NAMESPACE.element()
              + " and "
              + Setting.REPOSITORY.element(),
          true,
          e);
    }
    if (e instanceof ExecutionException) {
      return translate(e.getCause() == null ? e : e.getCause(), request, credentials);
    }
    if (e instanceof CacheDirectoryCreationException cache) {
      return cacheNotCreated(cache, request);
    }
    if (e instanceof UncheckedIOException unchecked) {
      return translate(unchecked.getCause(), request, credentials);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new EngineException("Interrupted while building " + request.image(), false, e);
    }
    return translate(e, request, credentials);
  }

  private static EngineException cacheNotCreated(
      CacheDirectoryCreationException e, ImageRequest request) {
    IOException why =
        e.getCause() instanceof FileSystemException fs
            ? fs
            : new FileAccessException(
                "creating the layer cache",
                request.baseLayersCache(),
                e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
    return new EngineException(
        new FileProblem(cacheRoot(request)).describe("creating the layer cache", why), false, e);
  }

  /** A registry, credential or file failure met while building {@code request}'s image. */
  static EngineException translate(
      Throwable cause, ImageRequest request, JibCredentials credentials) {
    if (cause instanceof BaseImageUnreadable unreadable) {
      cause = unreadable.getCause();
    }
    if (cause instanceof EngineException engine) {
      return engine;
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      EngineException known = known(t, chain, cause, request, credentials);
      if (known != null) {
        return known;
      }
    }
    for (Throwable t : chain) {
      if (FileProblem.isFileFailure(t)) {
        return new EngineException(
            new FileProblem(cacheRoot(request))
                .describe("building " + request.image(), (IOException) t),
            false,
            cause);
      }
    }
    String transientFailure = TransientFailures.describe(cause);
    if (transientFailure != null) {
      return keptFailing(transientFailure, request, cause);
    }
    return new EngineException("Building " + request.image() + " failed: " + cause, false, cause);
  }

  /** The message for one link of the chain that dockyard knows how to word, or null. */
  private static EngineException known(
      Throwable t,
      List<Throwable> chain,
      Throwable cause,
      ImageRequest request,
      JibCredentials credentials) {
    if (t instanceof CredentialLookupException lookup) {
      return new EngineException(lookup.getMessage(), true, cause);
    }
    if (t instanceof RegistryCredentialsNotSentException) {
      return credentialsNotSent(t, cause);
    }
    if (t instanceof RegistryUnauthorizedException unauthorized) {
      return unauthorized(unauthorized, credentials, cause);
    }
    if (t instanceof InsecureRegistryException) {
      return insecure(t, chain, cause);
    }
    if (t instanceof UnknownHostException) {
      return unknownHost(t, request, cause);
    }
    if (t instanceof ConnectException) {
      return notAnswering(t, request, cause);
    }
    if (t instanceof SSLException) {
      return insecure(t, chain, cause);
    }
    String message = String.valueOf(t.getMessage());
    if (message.contains("MANIFEST_UNKNOWN")
        || message.contains("manifest unknown")
        || message.contains("NAME_UNKNOWN")) {
      return baseImageNotFound(message, request, cause);
    }
    return null;
  }

  private static EngineException credentialsNotSent(Throwable t, Throwable cause) {
    return new EngineException(
        "Registry asks for credentials over plain HTTP: '"
            + t.getMessage()
            + "'; credentials are never sent over plain HTTP: serve the registry over HTTPS"
            + " (for a registry in "
            + Setting.INSECURE_REGISTRIES.element()
            + ", "
            + Setting.SEND_CREDENTIALS_OVER_HTTP.property("=true")
            + " allows it)",
        true,
        cause);
  }

  private static EngineException unknownHost(Throwable t, ImageRequest request, Throwable cause) {
    return new EngineException(
        "Registry host unknown: '"
            + t.getMessage()
            + "' while building "
            + request.image()
            + "; check the host in "
            + Setting.REGISTRY.slashed()
            + ", FROM and "
            + Setting.MIRRORS.element()
            + ", and"
            + " the machine's DNS",
        true,
        cause);
  }

  private static EngineException notAnswering(Throwable t, ImageRequest request, Throwable cause) {
    return new EngineException(
        "Registry not answering: '"
            + t.getMessage()
            + "' while building "
            + request.image()
            + "; check that the registry runs and "
            + Setting.REGISTRY.slashed()
            + " and FROM"
            + " name it correctly",
        false,
        cause);
  }

  private static EngineException baseImageNotFound(
      String message, ImageRequest request, Throwable cause) {
    return new EngineException(
        "Base image not found: '"
            + message
            + "'; check the FROM line of "
            + request.dockerfile().fileName()
            + " (or "
            + Setting.FROM.slashed()
            + ") and that the image was pushed",
        true,
        cause);
  }

  private static EngineException keptFailing(
      String transientFailure, ImageRequest request, Throwable cause) {
    String image = request.image().name();
    return new EngineException(
        "Registry "
            + image.substring(0, Math.max(0, image.indexOf('/')))
            + " kept failing: '"
            + transientFailure
            + "' while pushing "
            + image
            + ", retried for up to "
            + Setting.REGISTRY_RETRY_TIME.element()
            + " ("
            + request.registries().retryBudget().total().toSeconds()
            + "s); check that the registry and any proxy in front of it are healthy, then"
            + " rerun (what was uploaded is kept and skipped), or retry longer with"
            + " "
            + Setting.REGISTRY_RETRY_TIME.property("=SECONDS"),
        false,
        cause);
  }

  /** The folder of dockyard's caches: the parent of {@code <baseImageCache>}. */
  private static Path cacheRoot(ImageRequest request) {
    return request.baseLayersCache().toAbsolutePath().normalize().getParent();
  }

  private static EngineException unauthorized(
      RegistryUnauthorizedException unauthorized, JibCredentials credentials, Throwable cause) {
    String reference = unauthorized.getImageReference();
    int slash = reference.indexOf('/');
    String registry = slash < 0 ? reference : reference.substring(0, slash);
    Optional<String> source = credentials.sourceFor(registry);
    String sources = credentials.policy().credentialSources(registry);
    if (status(unauthorized) == 403) {
      return new EngineException(
          "Registry denied access (403 Forbidden) to '"
              + reference
              + "' for the credentials from "
              + source.orElse("nowhere (anonymous)")
              + "; the account lacks pull or push permission on that repository: grant it in"
              + " the registry, or use an account that has it",
          true,
          cause);
    }
    if (source.isPresent()) {
      return new EngineException(
          "Registry refused the credentials (401 Unauthorized) for '"
              + reference
              + "' from "
              + source.get()
              + "; fix the user name or password there (an earlier source in the chain wins: "
              + sources
              + ")",
          true,
          cause);
    }
    return new EngineException(
        "Registry requires credentials (401 Unauthorized) for '"
            + reference
            + "' and none were found; set a "
            + Setting.SERVER_CREDENTIALS.element()
            + " in "
            + Setting.SERVER_CREDENTIALS.file()
            + " whose id is the registry"
            + " host, or DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login"
            + " (looked in "
            + sources
            + ")",
        true,
        cause);
  }

  /** The HTTP status under an unauthorized failure: 401 unless the registry said otherwise. */
  private static int status(RegistryUnauthorizedException unauthorized) {
    for (Throwable t = unauthorized; t != null; t = t.getCause()) {
      if (t instanceof ResponseException response) {
        return response.getStatusCode();
      }
    }
    return 401;
  }

  private static EngineException insecure(Throwable t, List<Throwable> chain, Throwable cause) {
    String detail = "";
    for (Throwable c : chain) {
      if (c instanceof SSLException) {
        detail = String.valueOf(c.getMessage());
      }
    }
    String lower = detail.toLowerCase(Locale.ROOT);
    boolean plainHttp = lower.contains("plaintext") || lower.contains("unrecognized ssl message");
    String shown = t instanceof InsecureRegistryException ? t.getMessage() : detail;
    return new EngineException(
        tlsProblem(lower, plainHttp)
            + ": '"
            + shown
            + (detail.isEmpty() || shown.contains(detail) ? "" : " (" + detail + ")")
            + "'; "
            + tlsFix(plainHttp),
        true,
        cause);
  }

  /**
   * @param lower the TLS failure's message, lowercase
   */
  private static String tlsProblem(String lower, boolean plainHttp) {
    if (plainHttp) {
      return "Registry speaks plain HTTP where HTTPS is required";
    }
    if (lower.contains("pkix")
        || lower.contains("certification path")
        || lower.contains("subject alternative")
        || lower.contains("peer not authenticated")
        || lower.contains("certificate")) {
      return "Registry certificate is not trusted";
    }
    return "TLS with the registry failed";
  }

  private static String tlsFix(boolean plainHttp) {
    return plainHttp
        ? "serve the registry over HTTPS, or list it in "
            + insecureRegistries()
            + " to allow plain HTTP (credentials are then not"
            + " sent to it over HTTP)"
        : "trust its CA ("
            + Setting.CA_CERTIFICATES.slashed()
            + " or the JVM trust store), or list it in "
            + insecureRegistries()
            + " to allow"
            + " unverified TLS";
  }

  private static String insecureRegistries() {
    return Setting.INSECURE_REGISTRIES.slashed();
  }
}
