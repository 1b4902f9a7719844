package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.ImageUsers;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.RegistryConnections;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The base image's {@code /etc/passwd} and {@code /etc/group}, read from its layers (topmost first,
 * whiteouts honoured) for {@code --chown} names; read once per base image and reactor.
 */
final class BaseImageUsers {

  private static final String PASSWD = "etc/passwd";
  private static final String GROUP = "etc/group";

  private BaseImageUsers() {}

  /** Reads the users when first asked: only a {@code --chown} with names needs them. */
  static RegistryCall<ImageUsers> lookup(
      ImageReference base, JibCredentials credentials, boolean insecure, BuildLog log, Path dir) {
    return () ->
        base.isScratch()
            ? ImageUsers.NONE
            : read(base, new BaseImageInspector(credentials, insecure, log), credentials, log, dir);
  }

  private static ImageUsers read(
      ImageReference base,
      BaseImageInspector inspector,
      JibCredentials credentials,
      BuildLog log,
      Path scratchDir)
      throws IOException, RegistryException, CredentialRetrievalException {
    RegistryConnections connections = credentials.connections();
    String key = "users of " + base;
    Optional<ImageUsers> known = connections.find(key);
    if (known.isPresent()) {
      return known.get();
    }
    log.debug("Reading /etc/passwd and /etc/group of base image " + base);
    List<BlobDescriptor> blobs = inspector.blobs(base);
    RegistryClient client = inspector.pullClient(base);
    Map<String, Optional<String>> found = new HashMap<>();
    Files.createDirectories(scratchDir);
    // The config comes first; the topmost layer is the last.
    for (int i = blobs.size() - 1; i >= 1 && found.size() < 2; i--) {
      LayerTar.pull(client, blobs.get(i).getDigest(), scratchDir, tar -> scan(tar, found));
    }
    ImageUsers users =
        ImageUsers.parse(
            found.getOrDefault(PASSWD, Optional.empty()).orElse(null),
            found.getOrDefault(GROUP, Optional.empty()).orElse(null));
    connections.keep(key, users);
    return users;
  }

  /**
   * Records the wanted files this layer holds (or deletes: empty) into {@code found}, unless an
   * upper layer already decided them.
   */
  static void scan(Path layer, Map<String, Optional<String>> found) throws IOException {
    LayerTar.read(layer, tar -> scan(tar, found));
  }

  private static void scan(TarArchiveInputStream tar, Map<String, Optional<String>> found)
      throws IOException {
    Map<String, Optional<String>> here = new HashMap<>();
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = entry.getName().replaceFirst("^(\\./|/)+", "");
      if (name.equals("etc/.wh..wh..opq") || name.equals("etc/.wh.passwd")) {
        here.putIfAbsent(PASSWD, Optional.empty());
      }
      if (name.equals("etc/.wh..wh..opq") || name.equals("etc/.wh.group")) {
        here.putIfAbsent(GROUP, Optional.empty());
      }
      if ((name.equals(PASSWD) || name.equals(GROUP)) && entry.isFile()) {
        here.put(name, Optional.of(new String(tar.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    here.forEach(found::putIfAbsent);
  }
}
