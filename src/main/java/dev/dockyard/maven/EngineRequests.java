package dev.dockyard.maven;

import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.DockerConfigCredentials;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RegistrySettings;
import dev.dockyard.registry.RetryBudget;
import java.nio.file.Path;
import java.time.Duration;
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
    RegistryPolicy policy = registryPolicy(config.registries());
    Path baseLayersCache = mojo.baseLayersCache();
    ReactorState state = ReactorState.of(mojo.session);
    return new ImageRequest(
        plan.module(),
        plan.dockerfile(),
        mojo.project.getBasedir().toPath(),
        plan.workDir(),
        plan.image(),
        plan.tags(),
        config.build().buildArgs(),
        config.build().target(),
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
  RegistryPolicy registryPolicy(RegistrySettings settings) throws MojoFailureException {
    return new RegistryPolicy(
            settings.insecureRegistries(),
            settings.mirrors(),
            new SettingsCredentials(mojo.settings, mojo.settingsDecrypter, System.getenv()),
            DockerConfigCredentials.fromEnvironment(
                System.getenv(), HelperTimeout.parse(settings.credentialHelperTimeout())),
            caCertificates(settings))
        .withRetryTime(retryTime(settings));
  }

  /** The build's log for the engines, in batch mode unless the session is interactive. */
  MavenBuildLog buildLog() {
    return new MavenBuildLog(mojo.getLog(), !mojo.session.getRequest().isInteractiveMode());
  }

  private static Duration retryTime(RegistrySettings settings) throws MojoFailureException {
    return RetryBudget.parseSeconds(settings.retryTime())
        .orElseThrow(
            () ->
                new MojoFailureException(
                    "Invalid registry retry time: '"
                        + settings.retryTime()
                        + "' at <registryRetryTime>/-Ddockyard.registryRetryTime; give whole"
                        + " seconds from 1 to 86400, e.g. "
                        + RetryBudget.DEFAULT.toSeconds()));
  }

  private static CaCertificates caCertificates(RegistrySettings settings)
      throws MojoFailureException {
    try {
      return CaCertificates.load(settings.caCertificates());
    } catch (CaCertificates.CertificateFileException e) {
      throw (MojoFailureException)
          new MojoFailureException(SettingNames.render(e.getMessage())).initCause(NamedCause.of(e));
    }
  }
}
