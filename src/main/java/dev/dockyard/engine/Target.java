package dev.dockyard.engine;

import java.nio.file.Path;

/**
 * Where a built image goes: a {@code docker load}-able tarball on disk, or the registry.
 *
 * @param tarball the tarball path when building locally, null when pushing
 */
public record Target(Path tarball) {

  public static Target tarball(Path path) {
    return new Target(path);
  }

  public static Target registry() {
    return new Target(null);
  }

  public boolean isRegistry() {
    return tarball == null;
  }
}
