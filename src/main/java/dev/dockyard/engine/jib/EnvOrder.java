package dev.dockyard.engine.jib;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.image.json.ContainerConfigurationTemplate;
import com.google.cloud.tools.jib.image.json.V22ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The image config's ENV variables in the order {@code docker build} writes them: the base image's
 * first, in its order (one the Dockerfile redefines keeps its place), then those the Dockerfile
 * adds, in the order it first sets them. jib-core writes the added ones in the order of a hash map,
 * so where that order differs, the config jib-core wrote is written again with only {@code Env}
 * reordered, and the manifest with it: in the registry (the image jib pushed stays there untagged),
 * and in the tarball. Both give the same manifest digest for the same image, as jib's own did.
 */
final class EnvOrder {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = "config.json";

  private final List<String> declared;
  private final RegistryCall<Set<String>> baseNames;

  /**
   * @param declared the names of the variables the Dockerfile sets, in the order it first sets them
   * @param baseNames the names of the base image's variables, read only when needed
   */
  EnvOrder(List<String> declared, RegistryCall<Set<String>> baseNames) {
    this.declared = List.copyOf(declared);
    this.baseNames = baseNames;
  }

  /**
   * {@code env} in Docker's order: the base image's variables where they are, then the others in
   * the order the Dockerfile sets them (any it does not name last, as they were).
   */
  static List<String> dockerOrder(List<String> env, Set<String> baseNames, List<String> declared) {
    List<String> base = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (String entry : env) {
      (baseNames.contains(name(entry)) ? base : added).add(entry);
    }
    added.sort(
        Comparator.comparingInt(
            entry -> {
              int index = declared.indexOf(name(entry));
              return index < 0 ? Integer.MAX_VALUE : index;
            }));
    base.addAll(added);
    return base;
  }

  /** The config with its {@code Env} in Docker's order; null when it is in that order already. */
  byte[] reorder(byte[] config)
      throws IOException, RegistryException, CredentialRetrievalException {
    List<String> env = new ArrayList<>();
    JSON.readTree(config).path("config").path("Env").forEach(entry -> env.add(entry.asText()));
    if (inDeclaredOrder(env)) {
      return null;
    }
    List<String> ordered = dockerOrder(env, baseNames.get(), declared);
    if (ordered.equals(env)) {
      return null;
    }
    ContainerConfigurationTemplate template =
        JsonTemplateMapper.readJson(config, ContainerConfigurationTemplate.class);
    template.setContainerEnvironment(ordered);
    return JsonTemplateMapper.toByteArray(template);
  }

  /**
   * Whether jib's order can differ from Docker's: only when the Dockerfile sets two variables or
   * more. Otherwise the image is not read back at all.
   */
  private boolean mayDiffer() {
    return declared.size() > 1;
  }

  /**
   * The variables the Dockerfile sets come in its order: then the added ones do too, whatever the
   * base image holds, and the base image's config need not be read.
   */
  private boolean inDeclaredOrder(List<String> env) {
    int last = -1;
    for (String entry : env) {
      int index = declared.indexOf(name(entry));
      if (index >= 0) {
        if (index < last) {
          return false;
        }
        last = index;
      }
    }
    return true;
  }

  /**
   * Writes the image jib pushed as {@code pushed} again with its ENV in Docker's order, under its
   * new digest and under each of {@code tags}; returns it, or {@code pushed} when its order was
   * Docker's.
   */
  StagedPush.Pushed inRegistry(RegistryClient client, StagedPush.Pushed pushed, List<String> tags)
      throws IOException, RegistryException, CredentialRetrievalException {
    if (!mayDiffer()) {
      return pushed;
    }
    V22ManifestTemplate manifest =
        client.pullManifest(pushed.digest(), V22ManifestTemplate.class).getManifest();
    DescriptorDigest configDigest = manifest.getContainerConfiguration().getDigest();
    ByteArrayOutputStream config = new ByteArrayOutputStream();
    client.pullBlob(configDigest, size -> {}, done -> {}).writeTo(config);
    byte[] ordered = reorder(config.toByteArray());
    if (ordered == null) {
      return pushed;
    }
    BlobDescriptor written = Digests.computeDigest(out -> out.write(ordered));
    client.pushBlob(
        written.getDigest(), Blobs.from(out -> out.write(ordered), true), null, n -> {});
    manifest.setContainerConfiguration(written.getSize(), written.getDigest());
    DescriptorDigest digest = Digests.computeJsonDigest(manifest);
    if (client.checkManifest(digest.toString()).isEmpty()) {
      client.pushManifest(manifest, digest.toString());
    }
    for (String tag : tags) {
      client.pushManifest(manifest, tag);
    }
    return new StagedPush.Pushed(digest.toString(), written.getDigest().toString());
  }

  /**
   * Writes the {@code docker load} tarball jib wrote again with its ENV in Docker's order; returns
   * the image it then holds, or {@code written} when its order was Docker's.
   */
  StagedPush.Pushed inTarball(Path tarball, StagedPush.Pushed written)
      throws IOException, RegistryException, CredentialRetrievalException {
    if (!mayDiffer()) {
      return written;
    }
    Tarball read = Tarball.read(tarball);
    byte[] ordered = read.config() == null ? null : reorder(read.config());
    if (ordered == null) {
      return written;
    }
    Path rewritten = tarball.resolveSibling(tarball.getFileName() + ".env-order");
    try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tarball));
        TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(rewritten))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        boolean replaced = e.getName().equals(CONFIG);
        if (replaced) {
          e.setSize(ordered.length);
        }
        out.putArchiveEntry(e);
        if (replaced) {
          out.write(ordered);
        } else {
          in.transferTo(out);
        }
        out.closeArchiveEntry();
      }
    }
    Files.move(rewritten, tarball, StandardCopyOption.REPLACE_EXISTING);
    return read.image(ordered);
  }

  /** What a {@code docker load} tarball of jib's holds: its config, and its layers' sizes. */
  record Tarball(byte[] config, List<String> layers, Map<String, Long> sizes) {

    static Tarball read(Path tarball) throws IOException {
      byte[] config = null;
      byte[] manifest = null;
      Map<String, Long> sizes = new LinkedHashMap<>();
      try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          sizes.put(e.getName(), e.getSize());
          if (e.getName().equals(CONFIG)) {
            config = tar.readAllBytes();
          } else if (e.getName().equals("manifest.json")) {
            manifest = tar.readAllBytes();
          }
        }
      }
      List<String> layers = new ArrayList<>();
      if (manifest != null) {
        JSON.readTree(manifest).path(0).path("Layers").forEach(layer -> layers.add(layer.asText()));
      }
      return new Tarball(config, layers, sizes);
    }

    /** The image with this config: its manifest digest as a registry would give it, and its id. */
    StagedPush.Pushed image(byte[] config) throws IOException {
      BlobDescriptor configBlob = Digests.computeDigest(out -> out.write(config));
      List<BlobDescriptor> blobs = new ArrayList<>();
      for (String layer : layers) {
        try {
          blobs.add(
              new BlobDescriptor(
                  sizes.get(layer),
                  DescriptorDigest.fromHash(layer.substring(0, layer.indexOf('.')))));
        } catch (DigestException | IndexOutOfBoundsException e) {
          throw new IOException("not a layer of jib's image tarball: " + layer, e);
        }
      }
      V22ManifestTemplate manifest = RebuiltManifest.manifest(configBlob, blobs);
      return new StagedPush.Pushed(
          Digests.computeJsonDigest(manifest).toString(), configBlob.getDigest().toString());
    }
  }

  private static String name(String entry) {
    int eq = entry.indexOf('=');
    return eq < 0 ? entry : entry.substring(0, eq);
  }
}
