package dev.dockyard.engine.jib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.image.json.ManifestListTemplate;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.dockerfile.BaseImageConfig;
import dev.dockyard.engine.BuildLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a registry image's manifest and configuration without pulling its layers: the base image's
 * ENV and WORKDIR for variable substitution, and a pushed image's size.
 */
final class BaseImageInspector {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JibCredentials credentials;
  private final boolean insecure;
  private final BuildLog log;

  BaseImageInspector(JibCredentials credentials, boolean insecure, BuildLog log) {
    this.credentials = credentials;
    this.insecure = insecure;
    this.log = log;
  }

  /** The image's environment and working directory. */
  BaseImageConfig config(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    RegistryClient client = client(reference);
    BuildableManifestTemplate manifest = manifest(client, reference);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    client
        .pullBlob(manifest.getContainerConfiguration().getDigest(), size -> {}, done -> {})
        .writeTo(bytes);
    JsonNode config = JSON.readTree(bytes.toByteArray()).path("config");
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode entry : config.path("Env")) {
      String text = entry.asText();
      int eq = text.indexOf('=');
      env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
    }
    String workdir = config.path("WorkingDir").asText("");
    return new BaseImageConfig() {
      @Override
      public Map<String, String> environment() {
        return env;
      }

      @Override
      public String workingDirectory() {
        return workdir.isEmpty() ? "/" : workdir;
      }
    };
  }

  /** The image's config (first) and layers, as its manifest lists them. */
  List<BlobDescriptor> blobs(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    BuildableManifestTemplate manifest = manifest(client(reference), reference);
    List<BlobDescriptor> blobs = new ArrayList<>();
    blobs.add(
        new BlobDescriptor(
            manifest.getContainerConfiguration().getSize(),
            manifest.getContainerConfiguration().getDigest()));
    for (BuildableManifestTemplate.ContentDescriptorTemplate layer : manifest.getLayers()) {
      blobs.add(new BlobDescriptor(layer.getSize(), layer.getDigest()));
    }
    return blobs;
  }

  /** The digest the reference's manifest (or manifest list) has now in its registry. */
  String digest(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    if (reference.getDigest().isPresent()) {
      return reference.getDigest().get();
    }
    return client(reference)
        .checkManifest(reference.getQualifier())
        .map(found -> found.getDigest().toString())
        .orElseThrow(
            () ->
                new RegistryException(
                    "manifest unknown: " + reference + " is not in its registry"));
  }

  /** A client authorised to push to the reference's repository. */
  RegistryClient pushClient(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    return client(reference, true);
  }

  /** A client authorised to pull from the reference's repository. */
  RegistryClient pullClient(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    return client(reference, false);
  }

  private RegistryClient client(ImageReference reference)
      throws IOException, RegistryException, CredentialRetrievalException {
    return client(reference, false);
  }

  private RegistryClient client(ImageReference reference, boolean push)
      throws IOException, RegistryException, CredentialRetrievalException {
    Optional<Credential> credential = credentials.retrieve(reference);
    String key =
        reference.getRegistry()
            + "/"
            + reference.getRepository()
            + (push ? " push" : " pull")
            + (insecure ? " insecure" : "")
            + credential.map(c -> " as " + c.getUsername()).orElse("");
    // Reused only with the very credential it logged in with; the key holds nothing of a secret.
    Optional<KeptClient> kept = credentials.connections().find(key);
    if (kept.isPresent() && kept.get().credential().equals(credential)) {
      return kept.get().client();
    }
    RegistryClient client = connect(reference, push, credential);
    credentials.connections().keep(key, new KeptClient(credential, client));
    return client;
  }

  /** A client the reactor keeps, with the credential it logged in with. */
  private record KeptClient(Optional<Credential> credential, RegistryClient client) {
    @Override
    public String toString() {
      return "a registry client" + credential.map(c -> " for " + c.getUsername()).orElse("");
    }
  }

  private RegistryClient connect(
      ImageReference reference, boolean push, Optional<Credential> credential)
      throws IOException, RegistryException {
    FailoverHttpClient http = SharedHttp.of(credentials.connections(), insecure);
    RegistryClient.Factory factory =
        RegistryClient.factory(
            EventHandlers.NONE, reference.getRegistry(), reference.getRepository(), http);
    credential.ifPresent(factory::setCredential);
    RegistryClient client = factory.setUserAgent("dockyard-maven-plugin").newRegistryClient();
    boolean bearer = push ? client.doPushBearerAuth() : client.doPullBearerAuth();
    if (!bearer && credential.isPresent()) {
      client.configureBasicAuth();
    }
    return client;
  }

  BuildableManifestTemplate manifest(RegistryClient client, ImageReference reference)
      throws IOException, RegistryException {
    ManifestTemplate manifest = client.pullManifest(reference.getQualifier()).getManifest();
    if (manifest instanceof ManifestListTemplate list) {
      List<String> digests = list.getDigestsForPlatform("amd64", "linux");
      if (digests.isEmpty()) {
        throw new RegistryException("no linux/amd64 image in the manifest list of " + reference);
      }
      log.debug("Using the linux/amd64 manifest " + digests.get(0) + " of " + reference);
      manifest = client.pullManifest(digests.get(0)).getManifest();
    }
    if (!(manifest instanceof BuildableManifestTemplate buildable)) {
      throw new RegistryException(
          "unsupported manifest type " + manifest.getManifestMediaType() + " for " + reference);
    }
    return buildable;
  }
}
