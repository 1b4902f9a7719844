package dev.dockyard.maven;

import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.DockerConfigCredentials;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RetryBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The engine's typed inputs from one module's settings: the {@link ImageRequest} of a planned
 * module and the {@link RegistryPolicy} (credentials, mirrors, trust, retries) it carries, so the
 * engines never see Maven types.
 */
final class EngineRequests {

  private final DockyardMojo mojo;

  EngineRequests(DockyardMojo mojo) {
    this.mojo = mojo;
  }

  /** The engine request for a planned module. */
  ImageRequest request(ModulePlan plan, ModuleConfig config) throws MojoFailureException {
    RegistryPolicy policy = registryPolicy(config);
    Path baseLayersCache = mojo.baseLayersCache();
    ReactorState state = ReactorState.of(mojo.session);
    return new ImageRequest(
        plan.module(),
        plan.dockerfile(),
        mojo.project.getBasedir().toPath(),
        plan.workDir(),
        plan.image(),
        plan.tags(),
        config.buildArgs(),
        config.target(),
        OutputTimestamp.of(mojo.project),
        policy,
        baseLayersCache,
        buildLog(),
        // Beside the layer caches: where the layers this machine pushed can be mounted from.
        state.layers(baseLayersCache.resolveSibling("pushed-layers.tsv"), mojo.getLog()),
        plan.origins(),
        state.connections());
  }

  /** How the engines reach registries: credentials, mirrors, insecure hosts, CAs and retries. */
  RegistryPolicy registryPolicy(ModuleConfig config) throws MojoFailureException {
    return new RegistryPolicy(
            config.insecureRegistries(),
            config.mirrors(),
            new SettingsCredentials(mojo.settings, mojo.settingsDecrypter, System.getenv()),
            DockerConfigCredentials.fromEnvironment(
                System.getenv(), HelperTimeout.parse(config.credentialHelperTimeout())),
            caCertificates(config))
        .withRetryTime(retryTime(config));
  }

  /** The build's log for the engines, in batch mode unless the session is interactive. */
  MavenBuildLog buildLog() {
    return new MavenBuildLog(mojo.getLog(), !mojo.session.getRequest().isInteractiveMode());
  }

  private static Duration retryTime(ModuleConfig config) throws MojoFailureException {
    return RetryBudget.parseSeconds(config.registryRetryTime())
        .orElseThrow(
            () ->
                new MojoFailureException(
                    "Invalid registry retry time: '"
                        + config.registryRetryTime()
                        + "' at <registryRetryTime>/-Ddockyard.registryRetryTime; give whole"
                        + " seconds from 1 to 86400, e.g. "
                        + RetryBudget.DEFAULT.toSeconds()));
  }

  private CaCertificates caCertificates(ModuleConfig config) throws MojoFailureException {
    List<Path> files = new ArrayList<>();
    for (String file : config.caCertificates()) {
      Path path = Path.of(file);
      files.add(path.isAbsolute() ? path : mojo.project.getBasedir().toPath().resolve(path));
    }
    try {
      return CaCertificates.load(files);
    } catch (CaCertificates.CertificateFileException e) {
      throw (MojoFailureException) new MojoFailureException(e.getMessage()).initCause(e);
    }
  }
}
