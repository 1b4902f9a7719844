package dev.dockyard.engine.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.RetryBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tags of an image's repository: which manifest a tag names now, whether a manifest pushed by
 * digest is there, and pointing a tag at it. Tags are moved by re-sending the very manifest bytes
 * the registry holds, checked against the digest before the first tag moves. Every call is retried
 * after a transient failure on the budget it is given: the caller gives one budget to all the calls
 * about one image in one step, so that a registry failing them all costs that image the budget
 * once.
 */
public final class RegistryTags {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The digest the tag names in the request's repository, empty when the tag does not exist. */
  public Optional<String> digestOf(ImageRequest request, String tag, RetryBudget budget)
      throws EngineException {
    return call(
        request,
        budget,
        "looking up a tag",
        new AtomicReference<>(),
        client -> client.checkManifest(tag).map(found -> found.getDigest().toString()));
  }

  /**
   * The labels ({@code label NAME}) and environment variables ({@code env NAME}) of the image with
   * this digest in the request's repository, read from its config.
   */
  public Map<String, String> labelsAndEnv(ImageRequest request, String digest, RetryBudget budget)
      throws EngineException {
    return call(
        request,
        budget,
        "reading an image's labels",
        new AtomicReference<>(),
        client -> {
          ManifestTemplate manifest = client.pullManifest(digest).getManifest();
          Map<String, String> entries = new LinkedHashMap<>();
          if (!(manifest instanceof BuildableManifestTemplate buildable)) {
            return entries;
          }
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          client
              .pullBlob(buildable.getContainerConfiguration().getDigest(), size -> {}, done -> {})
              .writeTo(bytes);
          JsonNode config = JSON.readTree(bytes.toByteArray()).path("config");
          config
              .path("Labels")
              .fields()
              .forEachRemaining(e -> entries.put("label " + e.getKey(), e.getValue().asText()));
          for (JsonNode variable : config.path("Env")) {
            String text = variable.asText();
            int eq = text.indexOf('=');
            entries.put(
                "env " + (eq < 0 ? text : text.substring(0, eq)),
                eq < 0 ? "" : text.substring(eq + 1));
          }
          return entries;
        });
  }

  /**
   * The manifest pushed by digest, read back and checked: its bytes must give the digest, so a tag
   * pointed at it names exactly the image that was built.
   */
  public Staged staged(ImageRequest request, String digest, RetryBudget budget)
      throws EngineException {
    AtomicReference<RegistryClient> kept = new AtomicReference<>();
    ReadBack read =
        call(
            request,
            budget,
            "reading the pushed manifest back",
            kept,
            client -> ReadBack.of(client.pullManifest(digest).getManifest()));
    if (!read.digest().toString().equals(digest)) {
      throw new EngineException(
          "The manifest of "
              + request.image()
              + "@"
              + digest
              + " reads back as '"
              + read.digest()
              + "'; no tag was moved: rerun the deploy",
          false,
          null);
    }
    return new Staged(request, digest, read.manifest(), kept, budget);
  }

  /**
   * A manifest in the registry, ready to be tagged; its registry client and retry budget are kept
   * for the tags.
   */
  public static final class Staged {
    private final ImageRequest request;
    private final String digest;
    private final ManifestTemplate manifest;
    private final AtomicReference<RegistryClient> client;
    private final RetryBudget budget;

    private Staged(
        ImageRequest request,
        String digest,
        ManifestTemplate manifest,
        AtomicReference<RegistryClient> client,
        RetryBudget budget) {
      this.request = request;
      this.digest = digest;
      this.manifest = manifest;
      this.client = client;
      this.budget = budget;
    }

    /** Points the tag at the manifest; fails when the registry reports another digest. */
    public void tag(String tag) throws EngineException {
      String pushed =
          call(
              request,
              budget,
              "moving a tag",
              client,
              registry -> registry.pushManifest(manifest, tag).toString());
      if (!pushed.equals(digest)) {
        throw new EngineException(
            "Registry reports digest '"
                + pushed
                + "' for "
                + request.image()
                + ":"
                + tag
                + " where "
                + digest
                + " was pushed; rerun the deploy",
            false,
            null);
      }
    }
  }

  /** A manifest as the registry holds it, with the digest of its bytes. */
  private record ReadBack(ManifestTemplate manifest, DescriptorDigest digest) {
    static ReadBack of(ManifestTemplate manifest) throws IOException {
      return new ReadBack(manifest, Digests.computeJsonDigest(manifest));
    }
  }

  /** One exchange with the image's repository, through the client kept for the image. */
  @FunctionalInterface
  private interface ClientCall<T> {
    T run(RegistryClient client) throws IOException, RegistryException;
  }

  /**
   * Runs a registry call, again after a transient failure while {@code budget} lasts ({@link
   * RegistryRetries#call}); the client is kept in {@code kept} for the next call about the same
   * image, and dropped after a failure, with the reactor's kept clients: one that met a failure may
   * be unusable, so the next attempt connects afresh.
   */
  private static <T> T call(
      ImageRequest request,
      RetryBudget budget,
      String what,
      AtomicReference<RegistryClient> kept,
      ClientCall<T> body)
      throws EngineException {
    return ScopedTrust.trusting(
        request.registries().caCertificates(),
        request.log(),
        trust -> {
          JibCredentials credentials =
              new JibCredentials(request.registries(), request.log(), request.connections());
          try {
            return RegistryRetries.call(
                budget,
                request,
                what,
                () -> {
                  try {
                    return body.run(client(request, credentials, kept));
                  } catch (IOException | RegistryException e) {
                    kept.set(null);
                    if (request.connections() != null) {
                      request.connections().clear();
                    }
                    throw e;
                  }
                });
          } catch (IOException | RegistryException | CredentialRetrievalException e) {
            throw JibFailures.translate(e, request, credentials);
          }
        });
  }

  /** The client kept for the image, logged in to its repository when first needed. */
  private static RegistryClient client(
      ImageRequest request, JibCredentials credentials, AtomicReference<RegistryClient> kept)
      throws IOException, RegistryException, CredentialRetrievalException {
    RegistryClient client = kept.get();
    if (client == null) {
      ImageReference reference = JibNames.reference(request.image(), null);
      client =
          new BaseImageInspector(
                  credentials,
                  request.registries().isInsecure(reference.getRegistry()),
                  request.log())
              .pushClient(reference);
      kept.set(client);
    }
    return client;
  }
}
