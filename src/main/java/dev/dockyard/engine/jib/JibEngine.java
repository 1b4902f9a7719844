package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.BuildContext;
import dev.dockyard.context.CopyPlanner;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.BaseImageConfig;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileResolver;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** The daemonless engine: applies a resolved single-stage Dockerfile with jib-core. */
public final class JibEngine implements ImageEngine {

  @Override
  public String name() {
    return "jib";
  }

  @Override
  public ImageResult build(ImageRequest request, Target target) throws EngineException {
    JibCredentials credentials = new JibCredentials(request.registries(), request.log());
    try {
      ImageRecipe recipe = resolve(request, credentials);
      ImageReference base = baseImage(recipe, request);
      JibContainerBuilder builder =
          base.isScratch() ? Jib.fromScratch() : Jib.from(credentials.registryImage(base));
      configure(builder, recipe, request);
      addLayers(builder, recipe, request);

      ImageReference targetReference =
          ImageReference.parse(request.image() + ":" + request.tags().get(0));
      Containerizer containerizer =
          target.isRegistry()
              ? Containerizer.to(credentials.registryImage(targetReference))
              : Containerizer.to(TarImage.at(target.tarball()).named(targetReference));
      for (String tag : request.tags().subList(1, request.tags().size())) {
        containerizer.withAdditionalTag(tag);
      }
      JibProgressLog progress = new JibProgressLog(request.module(), request.log());
      containerizer
          .setToolName("dockyard-maven-plugin")
          .setAllowInsecureRegistries(
              request.registries().isInsecure(targetReference.getRegistry())
                  || (!base.isScratch() && request.registries().isInsecure(base.getRegistry())))
          .setBaseImageLayersCache(request.baseLayersCache())
          // Beside the base layers, outside target/: survives mvn clean and is shared by modules.
          .setApplicationLayersCache(request.baseLayersCache().resolveSibling("layers"))
          .addEventHandler(LogEvent.class, this.logEvents(request))
          .addEventHandler(ProgressEvent.class, progress::accept);
      if (target.isRegistry()) {
        Files.createDirectories(request.workDir());
      } else {
        Files.createDirectories(target.tarball().getParent());
      }

      JibContainer container = builder.containerize(containerizer);
      progress.finish();
      long size =
          target.isRegistry()
              ? new BaseImageInspector(
                      credentials,
                      request.registries().isInsecure(targetReference.getRegistry()),
                      request.log())
                  .size(targetReference.withQualifier(container.getDigest().toString()))
              : Files.size(target.tarball());
      return new ImageResult(
          request.image(),
          List.copyOf(request.tags()),
          container.getDigest().toString(),
          container.getImageId().toString(),
          name(),
          target.isRegistry(),
          size,
          -1);
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
      throw translate(e.getCause() == null ? e : e.getCause(), request);
    } catch (RegistryException | CredentialRetrievalException e) {
      throw translate(e, request);
    } catch (CacheDirectoryCreationException e) {
      throw new EngineException("Cannot create the layer cache: " + e.getMessage(), false, e);
    } catch (UncheckedIOException e) {
      throw translate(e.getCause(), request);
    } catch (IOException e) {
      throw translate(e, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while building " + request.image(), false, e);
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
      ImageReference reference = ImageReference.parse(from);
      String mirrored =
          request.registries().mirrored(reference.getRegistry(), reference.getRepository());
      if (mirrored != null) {
        request.log().info("Base image " + from + " comes from mirror " + mirrored);
        return ImageReference.parse(mirrored + qualifierSuffix(reference));
      }
      return reference;
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

  private static void addLayers(
      JibContainerBuilder builder, ImageRecipe recipe, ImageRequest request)
      throws DockerfileException, IOException {
    BuildContext context = BuildContext.open(request.contextDir());
    CopyPlanner planner = new CopyPlanner();
    int index = 0;
    for (CopyStep step : recipe.copies()) {
      Path scratch = request.workDir().resolve("add").resolve(Integer.toString(index));
      List<PlannedFile> files = planner.plan(step, context, scratch);
      FileEntriesLayer.Builder layer =
          FileEntriesLayer.builder()
              .setName(step.keyword().toLowerCase() + " " + step.location().line());
      for (PlannedFile file : files) {
        layer.addEntry(
            file.source(),
            AbsoluteUnixPath.get(file.containerPath()),
            FilePermissions.fromPosixFilePermissions(file.permissions()),
            request.creationTime(),
            file.ownership() == null ? "" : file.ownership());
      }
      builder.addFileEntriesLayer(layer.build());
      index++;
    }
  }

  private java.util.function.Consumer<LogEvent> logEvents(ImageRequest request) {
    return event -> {
      // Jib tries HTTPS before plain HTTP even for registries we allow HTTP for; that is expected.
      if (event.getMessage().endsWith("Attempting again with HTTP.")
          || event.getMessage().endsWith("Attempting again with no TLS verification.")) {
        request.log().debug(event.getMessage());
        return;
      }
      switch (event.getLevel()) {
        case ERROR, WARN -> request.log().warn(event.getMessage());
        case LIFECYCLE -> request.log().info(event.getMessage());
        default -> request.log().debug(event.getMessage());
      }
    };
  }

  private static EngineException translate(Throwable cause, ImageRequest request) {
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
      if (t instanceof RegistryUnauthorizedException unauthorized) {
        return new EngineException(
            "Registry refused the credentials (401/403) for '"
                + unauthorized.getImageReference()
                + "'; set a <server> in settings.xml whose id is the registry host, or"
                + " DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login",
            true,
            cause);
      }
      if (t instanceof InsecureRegistryException) {
        return new EngineException(
            "Registry answered over plain HTTP or with an untrusted certificate: '"
                + t.getMessage()
                + "'; list it in <insecureRegistries> or -Ddockyard.insecureRegistries, or"
                + " trust its certificate",
            true,
            cause);
      }
      if (t instanceof UnknownHostException || t instanceof ConnectException) {
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
    return new EngineException("Building " + request.image() + " failed: " + cause, false, cause);
  }

  /** Carries a failure to read the base image out of the resolver's lazy lookup. */
  private static final class BaseImageUnreadable extends RuntimeException {
    BaseImageUnreadable(Throwable cause) {
      super(cause);
    }
  }
}
