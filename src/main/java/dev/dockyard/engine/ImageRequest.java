package dev.dockyard.engine;

import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.registry.ImageName;
import dev.dockyard.registry.RegistryPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything an engine needs to build one module's image; free of Maven types.
 *
 * @param module the module's name, for log lines
 * @param dockerfile the rendered Dockerfile, parsed
 * @param contextDir the build context (the module's directory)
 * @param workDir the module's {@code target/dockyard} directory
 * @param image the image name without tag ({@code registry/namespace/repository})
 * @param tags the tags to apply, the first being the primary one
 * @param buildArgs values for the Dockerfile's ARGs
 * @param target the build stage to stop at ({@code docker build --target}), or null for the last
 * @param creationTime the image creation time and every file's modification time
 * @param registries how to reach registries
 * @param baseLayersCache where base image layers are cached between builds and modules
 * @param log where progress goes
 * @param layers the layers other modules of the reactor pushed, to mount instead of upload
 * @param origins for files of the context that are links of files elsewhere, those files, by the
 *     link's real path: the daemonless engine reads and caches layers by the original's path, so
 *     modules that copy the same files share one cached layer
 * @param connections registry clients the reactor's modules share; null for none
 */
public record ImageRequest(
    String module,
    Dockerfile dockerfile,
    Path contextDir,
    Path workDir,
    ImageName image,
    List<String> tags,
    Map<String, String> buildArgs,
    String target,
    Instant creationTime,
    RegistryPolicy registries,
    Path baseLayersCache,
    BuildLog log,
    LayerLedger layers,
    Map<Path, Path> origins,
    RegistryConnections connections) {}
