package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.ImageTree;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.RegistryConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The base image's file tree (directories and symlinks), which COPY destinations are resolved
 * against: read from its layers, lowest first, once per layer digest and machine ({@link
 * LayerTreeCache}), and laid together once per base image and reactor; each build gets a copy.
 */
final class BaseImageTree {

  private BaseImageTree() {}

  /** Reads the tree when first asked: only a build with a COPY step needs it. */
  static RegistryCall<ImageTree> lookup(
      ImageReference base,
      JibCredentials credentials,
      boolean insecure,
      BuildLog log,
      Path cacheDir,
      Path scratchDir) {
    return () ->
        base.isScratch()
            ? new ImageTree()
            : read(
                base,
                new BaseImageInspector(credentials, insecure, log),
                credentials.connections(),
                new LayerTreeCache(cacheDir),
                log,
                scratchDir);
  }

  private static ImageTree read(
      ImageReference base,
      BaseImageInspector inspector,
      RegistryConnections connections,
      LayerTreeCache cache,
      BuildLog log,
      Path scratchDir)
      throws IOException, RegistryException, CredentialRetrievalException {
    String key = "file tree of " + base;
    ImageTree tree = connections.<ImageTree>find(key).orElse(null);
    if (tree == null) {
      List<List<ImageTree.Entry>> layers = new ArrayList<>();
      List<BlobDescriptor> blobs = inspector.blobs(base);
      RegistryClient client = null;
      // The config comes first; the lowest layer next.
      for (BlobDescriptor blob : blobs.subList(1, blobs.size())) {
        String digest = blob.getDigest().toString();
        Optional<List<ImageTree.Entry>> recorded = cache.find(digest);
        if (recorded.isEmpty()) {
          if (client == null) {
            log.debug("Reading the file tree of base image " + base);
            client = inspector.pullClient(base);
          }
          List<ImageTree.Entry> entries = new ArrayList<>();
          LayerTar.pull(client, blob.getDigest(), scratchDir, tar -> collect(tar, entries));
          cache.keep(digest, entries);
          recorded = Optional.of(entries);
        }
        layers.add(recorded.get());
      }
      tree = new ImageTree();
      layers.forEach(tree::apply);
      connections.keep(key, tree);
    }
    // Each build gets a tree of its own: its COPY steps add to it.
    return new ImageTree(tree);
  }

  private static void collect(TarArchiveInputStream tar, List<ImageTree.Entry> entries)
      throws IOException {
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      String name = entry.getName();
      boolean link = entry.isSymbolicLink();
      if (!ImageTree.keeps(name.replaceAll("/+$", ""), entry.isDirectory(), link)) {
        continue;
      }
      if (!entry.isDirectory() && !link) {
        entries.add(ImageTree.Entry.whiteout(name));
        continue;
      }
      entries.add(
          new ImageTree.Entry(
              name,
              new ImageTree.Node(
                  link ? ImageTree.Kind.SYMLINK : ImageTree.Kind.DIRECTORY,
                  entry.getMode() & 07777,
                  (int) entry.getLongUserId(),
                  (int) entry.getLongGroupId(),
                  link ? entry.getLinkName() : null)));
    }
  }
}
