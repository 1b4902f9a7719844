package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryClient;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.BuildContext;
import dev.dockyard.context.CopyPlanner;
import dev.dockyard.context.ImagePaths;
import dev.dockyard.context.ImageTree;
import dev.dockyard.context.ImageUsers;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.BaseImageConfig;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileResolver;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.engine.Target;
import dev.dockyard.files.FileAccessException;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.RegistryPolicy;
import dev.dockyard.registry.RetryBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

/** The daemonless engine: applies a resolved single-stage Dockerfile with jib-core. */
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
        return trusting(
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

  /** A body run with the trust of {@code <caCertificates>}: null when there are none. */
  @FunctionalInterface
  interface TrustedBody<T> {
    T run(X509ExtendedTrustManager trust) throws EngineException;
  }

  /** Runs {@code body} trusting the JVM trust store plus these CAs, in this thread's scope. */
  static <T> T trusting(CaCertificates cas, BuildLog log, TrustedBody<T> body)
      throws EngineException {
    if (cas.isEmpty()) {
      return body.run(null);
    }
    X509ExtendedTrustManager trust = ScopedTrust.withExtra(cas.trustManager());
    try {
      ScopedTrust.install();
    } catch (GeneralSecurityException | IOException e) {
      throw new EngineException(
          "Cannot install the CA certificates of <caCertificates>: '" + cas.files() + "'; " + e,
          false,
          e);
    }
    log.debug("Trusting the JVM trust store and the CAs in " + cas.files());
    return ScopedTrust.call(trust, () -> body.run(trust));
  }

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
      ImageRecipe recipe = resolve(request, credentials);
      ImageReference base = baseImage(recipe, request);
      List<List<PlannedFile>> planned =
          planLayers(
              recipe,
              request,
              BaseImageUsers.lookup(
                  base,
                  credentials,
                  !base.isScratch() && request.registries().isInsecure(base.getRegistry()),
                  request.log(),
                  request.workDir().resolve("users")),
              BaseImageTree.lookup(
                  base,
                  credentials,
                  !base.isScratch() && request.registries().isInsecure(base.getRegistry()),
                  request.log(),
                  request.baseLayersCache().resolveSibling("layer-trees"),
                  request.workDir().resolve("trees")));
      ImagePaths.write(request.workDir(), planned);
      List<String> signatures = new ArrayList<>();
      for (List<PlannedFile> files : planned) {
        if (!files.isEmpty()) {
          // jib leaves empty layers out of the image; so do the signatures.
          signatures.add(LayerSignature.of(files, request.creationTime(), request.contextDir()));
        }
      }

      ImageReference targetReference =
          ImageReference.parse(request.image() + ":" + request.tags().get(0));
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
              allowsInsecure(request, base, targetReference, target),
              executor,
              progress);
      checkRegistries(
          request, trust == null ? ScopedTrust.jvmTrust() : trust, base, targetReference, target);
      BaseImageInspector registry =
          new BaseImageInspector(
              credentials,
              request.registries().isInsecure(targetReference.getRegistry()),
              request.log());
      BaseImageInspector baseRegistry =
          base.isScratch()
              ? null
              : new BaseImageInspector(
                  credentials, request.registries().isInsecure(base.getRegistry()), request.log());
      // A push builds on the base image's digest as the reactor first read it: every image of a
      // release on the same base, and jib takes a base it has cached by digest from its cache.
      String baseDigest =
          base.isScratch() || !target.isRegistry()
              ? null
              : baseDigest(base, baseRegistry, credentials);
      String fingerprint = null;
      if (target.isStaged()) {
        fingerprint =
            KnownImages.fingerprint(
                recipe, baseDigest == null ? "scratch" : baseDigest, request, signatures);
        Optional<ImageResult> known =
            KnownImages.reuse(
                request, targetReference, fingerprint, registry.pushClient(targetReference));
        if (known.isPresent()) {
          return known.get();
        }
      }
      // Built only now: an image known by its inputs never loads jib's builder.
      JibContainerBuilder builder =
          base.isScratch()
              ? Jib.fromScratch()
              : Jib.from(
                  credentials.registryImage(
                      baseDigest == null ? base : base.withQualifier(baseDigest)));
      configure(builder, recipe, request);
      addLayers(builder, recipe, planned, request);
      LayerMounts mounts = new LayerMounts(request.layers(), request.log());
      boolean mountBase = target.isRegistry() && sameRegistry(base, targetReference);
      boolean otherRegistry =
          target.isRegistry()
              && !base.isScratch()
              && !mountBase
              && !base.getRegistry().equals(targetReference.getRegistry());
      List<BlobDescriptor> foreignBaseLayers = List.of();
      if (otherRegistry) {
        List<BlobDescriptor> baseBlobs = baseRegistry.blobs(base);
        foreignBaseLayers = baseBlobs.subList(1, baseBlobs.size());
      }
      boolean mountKnown = target.isRegistry() && mounts.anyKnown(targetReference, signatures);
      RegistryClient pushClient =
          mountBase || mountKnown || otherRegistry ? registry.pushClient(targetReference) : null;
      if (mountBase) {
        mountBaseLayers(request, registry, pushClient, base);
      }
      if (otherRegistry) {
        logMounted(
            request,
            KnownImages.mountBaseLayers(request, targetReference, foreignBaseLayers, pushClient),
            "of base image layers an earlier push brought to this registry");
      }
      if (mountKnown) {
        logMounted(
            request,
            mounts.mountKnown(pushClient, targetReference, signatures),
            "of layers the registry already holds, instead of uploading them");
      }
      StagedPush.Pushed container =
          target.isStaged()
              ? StagedPush.push(
                  builder,
                  containerizers,
                  targetReference,
                  request,
                  budget,
                  pushClient != null ? pushClient : registry.pushClient(targetReference))
              : StagedPush.Pushed.of(
                  RegistryRetries.containerize(
                      builder, containerizers.to(targetReference), request, budget));
      progress.finish();
      long size;
      long shared = -1;
      if (target.isRegistry()) {
        List<BlobDescriptor> blobs =
            registry.blobs(targetReference.withQualifier(container.digest()));
        if (container.imageId() == null) {
          // the manifest was there already: its config is the image's id
          container =
              new StagedPush.Pushed(container.digest(), blobs.get(0).getDigest().toString());
        }
        List<BlobDescriptor> layers = blobs.subList(1, blobs.size());
        int baseLayers = Math.max(0, layers.size() - signatures.size());
        size = 0;
        shared = 0;
        for (BlobDescriptor blob : blobs) {
          size += blob.getSize();
        }
        for (BlobDescriptor layer : layers.subList(0, baseLayers)) {
          shared += layer.getSize();
        }
        shared += mounts.record(targetReference, signatures, layers, baseLayers);
        KnownImages.rememberBaseLayers(request, targetReference, foreignBaseLayers);
      } else {
        size = Files.size(target.tarball());
      }
      ImageResult result =
          new ImageResult(
              request.image(),
              List.copyOf(request.tags()),
              container.digest(),
              container.imageId(),
              name(),
              target.isRegistry(),
              size,
              shared);
      if (target.isRegistry()) {
        if (fingerprint != null) {
          KnownImages.remember(request, targetReference, fingerprint, result);
        }
        request.log().debug("Writing the ledger of pushed layers");
        request.layers().save();
      }
      return result;
    } catch (DockerfileException e) {
      throw new EngineException(e.getMessage(), true, e);
    } catch (InvalidImageReferenceException e) {
      throw new EngineException(
          "Invalid image reference: '"
              + e.getMessage()
              + "'; check <registry>, <namespace> and"
              + " <repository>",
          true,
          e);
    } catch (ExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause(), request, credentials);
    } catch (RegistryException | CredentialRetrievalException e) {
      throw translate(e, request, credentials);
    } catch (CacheDirectoryCreationException e) {
      IOException why =
          e.getCause() instanceof FileSystemException fs
              ? fs
              : new FileAccessException(
                  "creating the layer cache",
                  request.baseLayersCache(),
                  e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
      throw new EngineException(
          new FileProblem(cacheRoot(request)).describe("creating the layer cache", why), false, e);
    } catch (UncheckedIOException e) {
      throw translate(e.getCause(), request, credentials);
    } catch (IOException e) {
      throw translate(e, request, credentials);
    } catch (CredentialLookupException | BaseImageUnreadable e) {
      throw translate(e, request, credentials);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while building " + request.image(), false, e);
    } finally {
      if (executor != null) {
        executor.shutdown();
      }
    }
  }

  private ImageRecipe resolve(ImageRequest request, JibCredentials credentials)
      throws DockerfileException {
    Supplier<BaseImageConfig> baseConfig =
        new Supplier<>() {
          private BaseImageConfig cached;

          @Override
          public BaseImageConfig get() {
            if (cached == null) {
              cached = fetchBaseConfig(request, credentials);
            }
            return cached;
          }
        };
    return DockerfileResolver.resolve(request.dockerfile(), request.buildArgs(), baseConfig);
  }

  /** Called only when the Dockerfile refers to a variable or WORKDIR it does not define. */
  private BaseImageConfig fetchBaseConfig(ImageRequest request, JibCredentials credentials) {
    try {
      // FROM depends only on the ARGs before it, so a resolution without base values names it.
      ImageRecipe fromOnly =
          DockerfileResolver.resolve(
              request.dockerfile(), request.buildArgs(), () -> BaseImageConfig.EMPTY);
      ImageReference base = baseImage(fromOnly, request);
      if (base.isScratch()) {
        return BaseImageConfig.EMPTY;
      }
      request.log().debug("Reading the configuration of base image " + base);
      return new BaseImageInspector(
              credentials, request.registries().isInsecure(base.getRegistry()), request.log())
          .config(base);
    } catch (Exception e) {
      throw new BaseImageUnreadable(e);
    }
  }

  private static ImageReference baseImage(ImageRecipe recipe, ImageRequest request)
      throws DockerfileException {
    String from = recipe.baseImage();
    if (from.equals("scratch")) {
      return ImageReference.scratch();
    }
    try {
      ImageReference named = ImageReference.parse(from);
      ImageReference pulled = mirrored(named, request.registries());
      if (pulled != named) {
        request.log().info("Base image " + from + " comes from mirror " + pulled);
      }
      return pulled;
    } catch (InvalidImageReferenceException e) {
      throw new DockerfileException(
          "Invalid base image reference",
          from,
          recipe.fromLocation(),
          "write FROM as [registry/]repository[:tag|@digest], for example"
              + " 127.0.0.1:5000/base/java17:latest",
          e);
    }
  }

  /**
   * The base image's digest, read once per reactor: every module of a release builds on the base
   * image as the first module found it.
   */
  private static String baseDigest(
      ImageReference base, BaseImageInspector registry, JibCredentials credentials)
      throws IOException, RegistryException, CredentialRetrievalException {
    String key = "digest of " + base;
    Optional<String> known = credentials.connections().find(key);
    if (known.isPresent()) {
      return known.get();
    }
    String digest = registry.digest(base);
    credentials.connections().keep(key, digest);
    return digest;
  }

  private static boolean sameRegistry(ImageReference base, ImageReference target) {
    return !base.isScratch()
        && base.getRegistry().equals(target.getRegistry())
        && !base.getRepository().equals(target.getRepository());
  }

  /**
   * Mounts the base image's layers into a new repository of the same registry before jib looks for
   * them there: jib would otherwise download every base layer into its cache first, only to mount
   * it afterwards. A layer that cannot be mounted is left to jib.
   */
  private static void mountBaseLayers(
      ImageRequest request,
      BaseImageInspector registry,
      RegistryClient pushClient,
      ImageReference base) {
    try {
      // The base image lives in the target's registry: the target's inspector reads it.
      List<BlobDescriptor> baseBlobs = registry.blobs(base);
      long mounted =
          LayerMounts.mountFrom(
              pushClient,
              base.getRepository(),
              baseBlobs.subList(1, baseBlobs.size()),
              request.log());
      request
          .log()
          .debug("Mounted " + JibProgressLog.megabytes(mounted) + " of base layers from " + base);
    } catch (IOException | RegistryException | CredentialRetrievalException e) {
      request.log().debug("Base layers not mounted ahead of jib: " + e);
    }
  }

  private static void logMounted(ImageRequest request, long bytes, String what) {
    if (bytes > 0) {
      request.log().info("Mounted " + JibProgressLog.megabytes(bytes) + " " + what);
    }
  }

  /** The base image reference as pulled: through its mirror when {@code <mirrors>} names one. */
  static ImageReference mirrored(ImageReference reference, RegistryPolicy registries)
      throws InvalidImageReferenceException {
    String mirror = registries.mirrored(reference.getRegistry(), reference.getRepository());
    return mirror == null ? reference : ImageReference.parse(mirror + qualifierSuffix(reference));
  }

  /**
   * Reads the digest of the base image {@code <from>} names into the reactor's shared answers,
   * ahead of the first module that needs it: run on a thread of its own while the reactor's first
   * build, so that the first push finds the base registry's TLS handshake and login done. Never
   * throws: the module that needs the digest reads it again and reports what it meets.
   */
  public static void readBaseDigestAhead(
      String from, RegistryPolicy registries, BuildLog log, RegistryConnections connections) {
    try {
      ImageReference base = mirrored(ImageReference.parse(from), registries);
      if (base.isScratch() || base.getDigest().isPresent()) {
        return;
      }
      trusting(
          registries.caCertificates(),
          log,
          trust -> {
            JibCredentials credentials = new JibCredentials(registries, log, connections);
            try {
              baseDigest(
                  base,
                  new BaseImageInspector(
                      credentials, registries.isInsecure(base.getRegistry()), log),
                  credentials);
            } catch (IOException | RegistryException | CredentialRetrievalException e) {
              log.debug("Base image digest not read ahead: " + e);
            }
            return null;
          });
    } catch (InvalidImageReferenceException | EngineException | RuntimeException e) {
      log.debug("Base image digest not read ahead: " + e);
    }
  }

  private static String qualifierSuffix(ImageReference reference) {
    return reference.getDigest().isPresent()
        ? "@" + reference.getDigest().get()
        : ":" + reference.getTag().orElse("latest");
  }

  private static void configure(
      JibContainerBuilder builder, ImageRecipe recipe, ImageRequest request) {
    builder
        .setFormat(ImageFormat.Docker)
        .setCreationTime(request.creationTime())
        .setEnvironment(recipe.environment())
        .setLabels(recipe.labels());
    Set<Port> ports = new LinkedHashSet<>();
    for (String port : recipe.exposedPorts()) {
      int slash = port.indexOf('/');
      ports.add(
          Port.parseProtocol(
              Integer.parseInt(port.substring(0, slash)), port.substring(slash + 1)));
    }
    builder.setExposedPorts(ports);
    Set<AbsoluteUnixPath> volumes = new LinkedHashSet<>();
    recipe.volumes().forEach(volume -> volumes.add(AbsoluteUnixPath.get(volume)));
    builder.setVolumes(volumes);
    if (recipe.workdir() != null) {
      builder.setWorkingDirectory(AbsoluteUnixPath.get(recipe.workdir()));
    }
    if (recipe.user() != null) {
      builder.setUser(recipe.user());
    }
    if (recipe.entrypoint() != null) {
      builder.setEntrypoint(recipe.entrypoint());
    }
    if (recipe.cmd() != null) {
      builder.setProgramArguments(recipe.cmd());
    }
  }

  /**
   * The files of each COPY/ADD, in order, planned against the base image's file tree and what the
   * steps before put in; an ADD of an archive is unpacked into the work dir.
   */
  private static List<List<PlannedFile>> planLayers(
      ImageRecipe recipe,
      ImageRequest request,
      BaseImageUsers.Lookup users,
      BaseImageTree.Lookup baseTree)
      throws DockerfileException, IOException, RegistryException, CredentialRetrievalException {
    BuildContext context =
        BuildContext.open(request.contextDir(), request.workDir().resolve("Dockerfile"));
    CopyPlanner planner = new CopyPlanner();
    List<List<PlannedFile>> layers = new ArrayList<>();
    ImageTree tree = recipe.copies().isEmpty() ? null : baseTree.get();
    int index = 0;
    for (CopyStep step : recipe.copies()) {
      Path scratch = request.workDir().resolve("add").resolve(Integer.toString(index));
      if (step.chown() != null && ImageUsers.namesAnyone(step.chown())) {
        step = step.withChown(users.get().resolve(step));
      }
      List<PlannedFile> layer = planner.plan(step, context, scratch, tree);
      tree.add(layer);
      layers.add(layer);
      index++;
    }
    return layers;
  }

  /** Adds one layer per COPY/ADD, with the files planned for it. */
  private static void addLayers(
      JibContainerBuilder builder,
      ImageRecipe recipe,
      List<List<PlannedFile>> planned,
      ImageRequest request) {
    for (int i = 0; i < planned.size(); i++) {
      CopyStep step = recipe.copies().get(i);
      FileEntriesLayer.Builder layer =
          FileEntriesLayer.builder()
              .setName(step.keyword().toLowerCase() + " " + step.location().line());
      for (PlannedFile file : planned.get(i)) {
        layer.addEntry(
            request.origins().getOrDefault(file.source(), file.source()),
            AbsoluteUnixPath.get(file.containerPath()),
            FilePermissions.fromPosixFilePermissions(file.permissions()),
            request.creationTime(),
            file.ownership() == null ? "" : file.ownership());
      }
      builder.addFileEntriesLayer(layer.build());
    }
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

  static EngineException translate(
      Throwable cause, ImageRequest request, JibCredentials credentials) {
    if (cause instanceof BaseImageUnreadable unreadable) {
      cause = unreadable.getCause();
    }
    if (cause instanceof EngineException engine) {
      return engine;
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      if (t instanceof CredentialLookupException lookup) {
        return new EngineException(lookup.getMessage(), true, cause);
      }
      if (t instanceof RegistryCredentialsNotSentException) {
        return new EngineException(
            "Registry asks for credentials over plain HTTP: '"
                + t.getMessage()
                + "'; credentials are never sent over plain HTTP: serve the registry over HTTPS"
                + " (for a registry in <insecureRegistries>, -DsendCredentialsOverHttp=true allows"
                + " it)",
            true,
            cause);
      }
      if (t instanceof RegistryUnauthorizedException unauthorized) {
        return unauthorized(unauthorized, credentials, cause);
      }
      if (t instanceof InsecureRegistryException) {
        return insecure(t, chain, cause);
      }
      if (t instanceof UnknownHostException) {
        return new EngineException(
            "Registry host unknown: '"
                + t.getMessage()
                + "' while building "
                + request.image()
                + "; check the host in <registry>/-Ddockyard.registry, FROM and <mirrors>, and"
                + " the machine's DNS",
            true,
            cause);
      }
      if (t instanceof ConnectException) {
        return new EngineException(
            "Registry not answering: '"
                + t.getMessage()
                + "' while building "
                + request.image()
                + "; check that the registry runs and <registry>/-Ddockyard.registry and FROM"
                + " name it correctly",
            false,
            cause);
      }
      if (t instanceof SSLException) {
        return insecure(t, chain, cause);
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("MANIFEST_UNKNOWN")
          || message.contains("manifest unknown")
          || message.contains("NAME_UNKNOWN")) {
        return new EngineException(
            "Base image not found: '"
                + message
                + "'; check the FROM line of "
                + request.dockerfile().fileName()
                + " (or <from>/-Ddockyard.from) and that the image was pushed",
            true,
            cause);
      }
    }
    for (Throwable t : chain) {
      if (FileProblem.isFileFailure(t)) {
        return new EngineException(
            new FileProblem(cacheRoot(request))
                .describe("building " + request.image(), (IOException) t),
            false,
            cause);
      }
    }
    String transientFailure = TransientFailures.describe(cause);
    if (transientFailure != null) {
      String image = request.image();
      return new EngineException(
          "Registry "
              + image.substring(0, Math.max(0, image.indexOf('/')))
              + " kept failing: '"
              + transientFailure
              + "' while pushing "
              + image
              + ", retried for up to <registryRetryTime> ("
              + request.registries().retryBudget().total().toSeconds()
              + "s); check that the registry and any proxy in front of it are healthy, then"
              + " rerun (what was uploaded is kept and skipped), or retry longer with"
              + " -Ddockyard.registryRetryTime=SECONDS",
          false,
          cause);
    }
    return new EngineException("Building " + request.image() + " failed: " + cause, false, cause);
  }

  /** The folder of dockyard's caches: the parent of {@code <baseImageCache>}. */
  private static Path cacheRoot(ImageRequest request) {
    return request.baseLayersCache().toAbsolutePath().normalize().getParent();
  }

  private static EngineException unauthorized(
      RegistryUnauthorizedException unauthorized, JibCredentials credentials, Throwable cause) {
    String reference = unauthorized.getImageReference();
    int slash = reference.indexOf('/');
    String registry = slash < 0 ? reference : reference.substring(0, slash);
    int status = 401;
    for (Throwable t = unauthorized; t != null; t = t.getCause()) {
      if (t instanceof ResponseException response) {
        status = response.getStatusCode();
        break;
      }
    }
    java.util.Optional<String> source = credentials.sourceFor(registry);
    String sources = credentials.policy().credentialSources(registry);
    if (status == 403) {
      return new EngineException(
          "Registry denied access (403 Forbidden) to '"
              + reference
              + "' for the credentials from "
              + source.orElse("nowhere (anonymous)")
              + "; the account lacks pull or push permission on that repository: grant it in"
              + " the registry, or use an account that has it",
          true,
          cause);
    }
    if (source.isPresent()) {
      return new EngineException(
          "Registry refused the credentials (401 Unauthorized) for '"
              + reference
              + "' from "
              + source.get()
              + "; fix the user name or password there (an earlier source in the chain wins: "
              + sources
              + ")",
          true,
          cause);
    }
    return new EngineException(
        "Registry requires credentials (401 Unauthorized) for '"
            + reference
            + "' and none were found; set a <server> in settings.xml whose id is the registry"
            + " host, or DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login"
            + " (looked in "
            + sources
            + ")",
        true,
        cause);
  }

  private static EngineException insecure(Throwable t, List<Throwable> chain, Throwable cause) {
    String detail = "";
    for (Throwable c : chain) {
      if (c instanceof SSLException) {
        detail = String.valueOf(c.getMessage());
      }
    }
    String lower = detail.toLowerCase(java.util.Locale.ROOT);
    String what;
    boolean plainHttp = lower.contains("plaintext") || lower.contains("unrecognized ssl message");
    if (plainHttp) {
      what = "Registry speaks plain HTTP where HTTPS is required";
    } else if (lower.contains("pkix")
        || lower.contains("certification path")
        || lower.contains("subject alternative")
        || lower.contains("peer not authenticated")
        || lower.contains("certificate")) {
      what = "Registry certificate is not trusted";
    } else {
      what = "TLS with the registry failed";
    }
    String fix =
        plainHttp
            ? "serve the registry over HTTPS, or list it in <insecureRegistries>/"
                + "-Ddockyard.insecureRegistries to allow plain HTTP (credentials are then not"
                + " sent to it over HTTP)"
            : "trust its CA (<caCertificates>/-Ddockyard.caCertificates or the JVM trust store),"
                + " or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow"
                + " unverified TLS";
    String shown = t instanceof InsecureRegistryException ? t.getMessage() : detail;
    return new EngineException(
        what
            + ": '"
            + shown
            + (detail.isEmpty() || shown.contains(detail) ? "" : " (" + detail + ")")
            + "'; "
            + fix,
        true,
        cause);
  }

  /** Carries a failure to read the base image out of the resolver's lazy lookup. */
  private static final class BaseImageUnreadable extends RuntimeException {
    BaseImageUnreadable(Throwable cause) {
      super(cause);
    }
  }
}
