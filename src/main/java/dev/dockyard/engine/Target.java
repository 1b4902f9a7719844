package dev.dockyard.engine;

import java.nio.file.Path;

/**
 * Where a built image goes: a {@code docker load}-able tarball on disk, the registry with every
 * tag, or the registry by digest only (blobs and manifest, no tag: the tags follow at the end of
 * the reactor).
 *
 * @param tarball the tarball path when building locally, null when pushing
 * @param tagged whether a registry push writes the tags too
 */
public record Target(Path tarball, boolean tagged) {

  public static Target tarball(Path path) {
    return new Target(path, false);
  }

  public static Target registry() {
    return new Target(null, true);
  }

  /** The registry, by digest: every blob and the manifest are pushed, no tag moves. */
  public static Target staged() {
    return new Target(null, false);
  }

  public boolean isRegistry() {
    return tarball == null;
  }

  /** True for a registry push that leaves every tag where it was. */
  public boolean isStaged() {
    return tarball == null && !tagged;
  }
}
