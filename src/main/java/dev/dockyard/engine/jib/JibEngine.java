package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.ImagePaths;
import dev.dockyard.context.ImageTree;
import dev.dockyard.context.ImageUsers;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.engine.Target;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The daemonless engine: applies a resolved single-stage Dockerfile with jib-core. A build plans
 * its layers ({@link ImageAssembly}) on the base image ({@link BaseImages}), checks its registries,
 * then writes a tarball or goes to the registry ({@link RegistryTransfer}); what fails is worded by
 * {@link JibFailures}.
 */
public final class JibEngine implements ImageEngine {

  @Override
  public String name() {
    return "jib";
  }

  /**
   * Builds the image; a transient registry failure outside jib's containerize (reading the base
   * image's digest, checking what the registry holds) starts the image over, on the same retry
   * budget as containerize's own retries.
   */
  @Override
  public ImageResult build(ImageRequest request, Target target) throws EngineException {
    RetryBudget budget = request.registries().retryBudget();
    for (int attempt = 1; ; attempt++) {
      try {
        return ScopedTrust.trusting(
            request.registries().caCertificates(),
            request.log(),
            trust -> build(request, target, trust, budget));
      } catch (EngineException e) {
        if (!target.isRegistry()) {
          throw e;
        }
        RegistryRetries.waitOrThrow(e, budget, attempt, request, ", starting the image over");
      }
    }
  }

  /**
   * Reads the digest of the base image {@code <from>} names into the reactor's shared answers,
   * ahead of the first module that needs it: run on a thread of its own while the reactor's first
   * build, so that the first push finds the base registry's TLS handshake and login done. Never
   * throws: the module that needs the digest reads it again and reports what it meets.
   */
  public static void readBaseDigestAhead(
      String from, RegistryPolicy registries, BuildLog log, RegistryConnections connections) {
    BaseImages.readBaseDigestAhead(from, registries, log, connections);
  }

  /** What the Dockerfile makes of the image before jib builds it. */
  private record Plan(
      ImageRecipe recipe,
      ImageReference base,
      List<List<PlannedFile>> layers,
      List<String> signatures) {}

  /**
   * @param trust the JVM trust store plus {@code <caCertificates>}, null when there are none
   */
  private ImageResult build(
      ImageRequest request, Target target, X509ExtendedTrustManager trust, RetryBudget budget)
      throws EngineException {
    JibCredentials credentials =
        new JibCredentials(request.registries(), request.log(), request.connections());
    ExecutorService executor = null;
    try {
      Plan plan = plan(request, credentials, budget);
      ImageReference targetReference = JibNames.reference(request.image(), request.tags().get(0));
      JibProgressLog progress = new JibProgressLog(request.module(), request.log());
      if (target.isRegistry()) {
        Files.createDirectories(request.workDir());
      } else {
        Files.createDirectories(target.tarball().getParent());
      }
      if (trust != null) {
        executor = ScopedTrust.propagating(Executors.newCachedThreadPool(), trust);
      }
      ContainerizerFactory containerizers =
          new ContainerizerFactory(
              request,
              credentials,
              target,
              allowsInsecure(request, plan.base(), targetReference, target),
              executor,
              progress);
      checkRegistries(
          request,
          trust == null ? ScopedTrust.jvmTrust() : trust,
          plan.base(),
          targetReference,
          target);
      return target.isRegistry()
          ? push(request, target, budget, credentials, plan, targetReference, containerizers)
          : writeTarball(
              request, target, budget, credentials, plan, targetReference, containerizers);
    } catch (DockerfileException
        | ExecutionException
        | RegistryException
        | CredentialRetrievalException
        | CacheDirectoryCreationException
        | UncheckedIOException
        | IOException
        | CredentialLookupException
        | JibFailures.BaseImageUnreadable
        | InterruptedException e) {
      throw JibFailures.of(e, request, credentials);
    } finally {
      if (executor != null) {
        executor.shutdown();
      }
    }
  }

  /** The recipe, its base image and the files of each layer, planned on the base image's tree. */
  private static Plan plan(ImageRequest request, JibCredentials credentials, RetryBudget budget)
      throws DockerfileException, IOException, RegistryException, CredentialRetrievalException {
    ImageRecipe recipe = BaseImages.resolve(request, credentials, budget);
    ImageReference base = BaseImages.baseImage(recipe, request);
    boolean insecureBase = !base.isScratch() && request.registries().isInsecure(base.getRegistry());
    RegistryCall<ImageUsers> users =
        BaseImageUsers.lookup(
            base, credentials, insecureBase, request.log(), request.workDir().resolve("users"));
    RegistryCall<ImageTree> tree =
        BaseImageTree.lookup(
            base,
            credentials,
            insecureBase,
            request.log(),
            request.baseLayersCache().resolveSibling("layer-trees"),
            request.workDir().resolve("trees"));
    List<List<PlannedFile>> layers =
        ImageAssembly.planLayers(
            recipe,
            request,
            () -> RegistryRetries.call(budget, request, "reading the base image's users", users),
            () -> RegistryRetries.call(budget, request, "reading the base image's files", tree));
    ImagePaths.write(request.workDir(), layers);
    return new Plan(recipe, base, layers, ImageAssembly.signatures(layers, request));
  }

  /**
   * Pushes the image on the base image's digest as the reactor first read it; a staged push of
   * inputs an earlier build pushed reuses that image.
   */
  private ImageResult push(
      ImageRequest request,
      Target target,
      RetryBudget budget,
      JibCredentials credentials,
      Plan plan,
      ImageReference targetReference,
      ContainerizerFactory containerizers)
      throws IOException,
          RegistryException,
          CredentialRetrievalException,
          CacheDirectoryCreationException,
          ExecutionException,
          InterruptedException {
    RegistryTransfer transfer =
        new RegistryTransfer(
            request, credentials, plan.base(), targetReference, plan.signatures(), budget);
    String baseDigest = transfer.baseDigest();
    String fingerprint = null;
    if (target.isStaged()) {
      fingerprint =
          KnownImages.fingerprint(
              plan.recipe(),
              baseDigest == null ? "scratch" : baseDigest,
              request,
              plan.signatures());
      Optional<ImageResult> known = transfer.known(fingerprint);
      if (known.isPresent()) {
        return known.get();
      }
    }
    // Built only now: an image known by its inputs never loads jib's builder.
    JibContainerBuilder builder =
        ImageAssembly.assemble(
            plan.base(), baseDigest, credentials, plan.recipe(), plan.layers(), request);
    StagedPush.Pushed container = transfer.push(builder, containerizers, target.isStaged());
    containerizers.progress().finish();
    container =
        transfer.inDockerOrder(
            envOrder(plan, baseDigest, credentials, request), container, target.isStaged());
    RegistryTransfer.Pushed pushed = transfer.readBack(container);
    ImageResult result = result(request, true, pushed.container(), pushed.size(), pushed.shared());
    transfer.remember(fingerprint, result);
    return result;
  }

  /** Writes the image as a {@code docker load}-able tarball. */
  private ImageResult writeTarball(
      ImageRequest request,
      Target target,
      RetryBudget budget,
      JibCredentials credentials,
      Plan plan,
      ImageReference targetReference,
      ContainerizerFactory containerizers)
      throws IOException,
          RegistryException,
          CredentialRetrievalException,
          CacheDirectoryCreationException,
          ExecutionException,
          InterruptedException {
    JibContainerBuilder builder =
        ImageAssembly.assemble(
            plan.base(), null, credentials, plan.recipe(), plan.layers(), request);
    StagedPush.Pushed container =
        StagedPush.Pushed.of(
            RegistryRetries.containerize(
                builder, containerizers.to(targetReference), request, budget));
    containerizers.progress().finish();
    container = envOrder(plan, null, credentials, request).inTarball(target.tarball(), container);
    return result(request, false, container, Files.size(target.tarball()), -1);
  }

  /**
   * Puts the config's ENV variables in Docker's order; the base image's config (at {@code
   * baseDigest} when known) is read only when jib's order might differ.
   */
  private static EnvOrder envOrder(
      Plan plan, String baseDigest, JibCredentials credentials, ImageRequest request) {
    ImageReference base = plan.base();
    return new EnvOrder(
        new ArrayList<>(plan.recipe().environment().keySet()),
        () ->
            base.isScratch()
                ? Set.of()
                : new BaseImageInspector(
                        credentials,
                        request.registries().isInsecure(base.getRegistry()),
                        request.log())
                    .config(baseDigest == null ? base : base.withQualifier(baseDigest))
                    .environment()
                    .keySet());
  }

  private ImageResult result(
      ImageRequest request, boolean pushed, StagedPush.Pushed container, long size, long shared) {
    return new ImageResult(
        request.image().name(),
        List.copyOf(request.tags()),
        container.digest(),
        container.imageId(),
        name(),
        pushed,
        size,
        shared);
  }

  /**
   * Jib's insecure switch is global to one containerize call: it is on when the target or the base
   * image registry is allowed plain HTTP or unverified TLS.
   */
  private static boolean allowsInsecure(
      ImageRequest request, ImageReference base, ImageReference targetReference, Target target) {
    boolean targetInsecure =
        target.isRegistry() && request.registries().isInsecure(targetReference.getRegistry());
    boolean baseInsecure = !base.isScratch() && request.registries().isInsecure(base.getRegistry());
    return targetInsecure || baseInsecure;
  }

  /**
   * Checks every registry of the build before jib talks to it: names resolve, and a registry not
   * allowed insecure completes a verified TLS handshake. This also keeps jib's switch per registry
   * as far as it can be: the switch is global to a containerize call, so a registry that is not
   * listed must prove verified HTTPS here even when another registry of the build turned it on.
   */
  private static void checkRegistries(
      ImageRequest request,
      X509ExtendedTrustManager trust,
      ImageReference base,
      ImageReference targetReference,
      Target target)
      throws InsecureRegistryException, IOException {
    if (RegistryTlsCheck.proxied()) {
      return;
    }
    Set<String> registries = new LinkedHashSet<>();
    if (target.isRegistry()) {
      registries.add(targetReference.getRegistry());
    }
    if (!base.isScratch()) {
      registries.add(base.getRegistry());
    }
    RegistryTlsCheck check = new RegistryTlsCheck(trust, request.log());
    for (String registry : registries) {
      check.check(registry, request.registries().isInsecure(registry));
    }
  }
}
