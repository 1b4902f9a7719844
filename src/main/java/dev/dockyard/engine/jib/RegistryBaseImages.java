package dev.dockyard.engine.jib;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.image.json.BuildableManifestTemplate;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.engine.BaseImageSource;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.EngineException;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.setting.Setting;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Fetches base images for the Docker engine the way the daemonless engine reaches registries, and
 * writes them as a {@code docker load} archive: {@code manifest.json}, the config blob and the
 * layers exactly as the registry holds them, so the engine gets the image ID a pull would give.
 */
public final class RegistryBaseImages implements BaseImageSource {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Optional<String> reasonToFetch(String reference, RegistryPolicy registries) {
    ImageReference named;
    try {
      named = ImageReference.parse(reference);
    } catch (InvalidImageReferenceException e) {
      return Optional.empty();
    }
    if (named.isScratch() || (named.getDigest().isPresent() && named.getTag().isEmpty())) {
      // docker load can only name an image by tag.
      return Optional.empty();
    }
    String registry = named.getRegistry();
    String mirror = registries.mirrored(registry, named.getRepository());
    if (mirror != null) {
      return Optional.of(Setting.MIRRORS.element() + " sends " + registry + " to " + mirror);
    }
    if (isDockerHub(registry) || isLoopback(registry)) {
      // Docker Hub is the engine's own business (its registry-mirrors); the engine takes loopback
      // registries as insecure by itself.
      return Optional.empty();
    }
    if (registries.isInsecure(registry)) {
      return Optional.of(Setting.INSECURE_REGISTRIES.element() + " lists " + registry);
    }
    if (!registries.caCertificates().isEmpty()) {
      return Optional.of(
          Setting.CA_CERTIFICATES.element() + " may be what makes " + registry + " trusted");
    }
    return Optional.empty();
  }

  @Override
  public String save(String reference, RegistryPolicy registries, Path archive, BuildLog log)
      throws EngineException {
    ImageReference pulled;
    ImageReference named;
    try {
      named = ImageReference.parse(reference);
      pulled = BaseImages.mirrored(named, registries);
    } catch (InvalidImageReferenceException e) {
      throw new EngineException("Invalid base image reference: '" + reference + "'", true, e);
    }
    ScopedTrust.trusting(
        registries.caCertificates(),
        log,
        trust -> {
          JibCredentials credentials = new JibCredentials(registries, log);
          BaseImageInspector inspector =
              new BaseImageInspector(credentials, registries.isInsecure(pulled.getRegistry()), log);
          try {
            write(inspector, pulled, repoTag(named), archive);
          } catch (IOException | RegistryException | CredentialRetrievalException e) {
            throw new EngineException(
                "Cannot fetch base image "
                    + pulled
                    + " for the Docker engine: "
                    + e.getMessage()
                    + "; check that it was pushed there and that the registry's settings"
                    + " ("
                    + Setting.MIRRORS.element()
                    + ", "
                    + Setting.CA_CERTIFICATES.element()
                    + ", "
                    + Setting.INSECURE_REGISTRIES.element()
                    + ", credentials) reach it",
                e instanceof RegistryException,
                e);
          }
          return null;
        });
    return pulled.toString();
  }

  private static void write(
      BaseImageInspector inspector, ImageReference pulled, String repoTag, Path archive)
      throws IOException, RegistryException, CredentialRetrievalException {
    RegistryClient client = inspector.pullClient(pulled);
    BuildableManifestTemplate manifest = inspector.manifest(client, pulled);
    Files.createDirectories(archive.getParent());
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      BuildableManifestTemplate.ContentDescriptorTemplate config =
          manifest.getContainerConfiguration();
      String configName = config.getDigest().getHash() + ".json";
      blob(tar, client, configName, config.getDigest(), config.getSize());
      ObjectNode entry = JSON.createObjectNode();
      entry.put("Config", configName);
      entry.putArray("RepoTags").add(repoTag);
      ArrayNode layers = entry.putArray("Layers");
      for (BuildableManifestTemplate.ContentDescriptorTemplate layer : manifest.getLayers()) {
        String name = layer.getDigest().getHash() + ".tar.gz";
        blob(tar, client, name, layer.getDigest(), layer.getSize());
        layers.add(name);
      }
      byte[] index = JSON.writeValueAsBytes(JSON.createArrayNode().add(entry));
      TarArchiveEntry manifestEntry = new TarArchiveEntry("manifest.json");
      manifestEntry.setSize(index.length);
      tar.putArchiveEntry(manifestEntry);
      tar.write(index);
      tar.closeArchiveEntry();
    }
  }

  private static void blob(
      TarArchiveOutputStream tar,
      RegistryClient client,
      String name,
      DescriptorDigest digest,
      long size)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    tar.putArchiveEntry(entry);
    // jib closes the stream it writes a blob to; the archive goes on after this entry.
    OutputStream entryStream =
        new FilterOutputStream(tar) {
          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    client.pullBlob(digest, total -> {}, written -> {}).writeTo(entryStream);
    tar.closeArchiveEntry();
  }

  /** The name the engine knows the image by: as the FROM line writes it, with its tag. */
  static String repoTag(ImageReference named) {
    String tag = named.getTag().orElse("latest");
    String name = named.toStringWithQualifier();
    int at = name.indexOf('@');
    String withoutDigest = at < 0 ? name : name.substring(0, at);
    return withoutDigest.endsWith(":" + tag) ? withoutDigest : withoutDigest + ":" + tag;
  }

  private static boolean isDockerHub(String registry) {
    return registry.equals("registry-1.docker.io") || registry.equals("docker.io");
  }

  private static boolean isLoopback(String registry) {
    String host = registry.replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }
}
