package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfigurations;
import dev.dockyard.context.BuildContext;
import dev.dockyard.dockerfile.CopySources;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.HeredocLowering;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.BaseImageSource;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * One build on the engine: writes the context archive with only the files the Dockerfile copies,
 * sends it with the build args and base-image credentials, streams the output to the log and tags
 * the result. The archive is deleted whatever happens.
 */
final class ImageBuild {

  static final String CONTEXT_TAR = "docker-context.tar";

  private final DockerClient client;
  private final ImageRequest request;
  private final BaseImageSource baseImages;

  ImageBuild(DockerClient client, ImageRequest request, BaseImageSource baseImages) {
    this.client = client;
    this.request = request;
    this.baseImages = baseImages;
  }

  /** Builds and tags the image, and returns what the engine says of it. */
  InspectImageResponse run() throws EngineException {
    Path contextTar = request.workDir().resolve(CONTEXT_TAR);
    try {
      // first, so that heredoc lowering can read the shell of a base image only dockyard reaches
      new BaseImagePreload(client, baseImages).ensure(request);
      String dockerfileName = writeContext(contextTar);
      Map<String, String> args = buildArgs(request);
      BuildStream stream = new BuildStream(request.module(), request.log());
      try (InputStream in = Files.newInputStream(contextTar)) {
        command(in, dockerfileName, args).exec(stream).awaitCompletion();
      } finally {
        stream.finish();
      }
      if (stream.error() != null) {
        throw DockerErrors.buildFailed(stream, request.dockerfile());
      }
      return client.inspectImageCmd(request.image() + ":" + request.tags().get(0)).exec();
    } catch (DockerfileException e) {
      throw new EngineException(e.getMessage(), true, e);
    } catch (IOException e) {
      throw new EngineException(
          new FileProblem(null).describe("writing the build context of " + request.image(), e),
          false,
          e);
    } catch (UncheckedIOException e) {
      throw new EngineException(new FileProblem(null).describe(e), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("Interrupted while building " + request.image(), false, e);
    } catch (DockerException e) {
      throw DockerErrors.buildRefused(request.image().name(), request.dockerfile().fileName(), e);
    } finally {
      try {
        Files.deleteIfExists(contextTar);
      } catch (IOException e) {
        request.log().debug("Could not delete " + contextTar + ": " + e.getMessage());
      }
    }
  }

  /** Writes the context archive and returns the Dockerfile's name inside it. */
  private String writeContext(Path contextTar) throws IOException, DockerfileException {
    Path workDir = request.workDir();
    Files.createDirectories(workDir);
    Path dockerfile = workDir.resolve("Dockerfile");
    String dockerfileName = archiveName(request.contextDir(), dockerfile);
    BuildContext context = BuildContext.open(request.contextDir(), dockerfile);
    SortedSet<String> files =
        new ContextSelection(context)
            .select(CopySources.of(request.dockerfile(), request.buildArgs()));
    request
        .log()
        .debug("Build context for " + request.module() + ": " + dockerfileName + " " + files);
    HeredocLowering.Lowered sent = forEngine(dockerfile);
    Path sentFile = dockerfile;
    if (sent != null) {
      sentFile = workDir.resolve("Dockerfile.engine");
      Files.writeString(sentFile, sent.text());
    }
    Map<String, String> generated = new LinkedHashMap<>(sent == null ? Map.of() : sent.files());
    dockerfileDropped(context, files, dockerfileName)
        .ifPresent(ignore -> generated.put(BuildContext.IGNORE_FILE, ignore));
    try (OutputStream out = Files.newOutputStream(contextTar)) {
      ContextArchive.write(
          request.contextDir(),
          files,
          sentFile,
          dockerfileName,
          generated,
          request.creationTime(),
          out);
    }
    return dockerfileName;
  }

  /**
   * The {@code .dockerignore} that makes the engine drop its Dockerfile from the context once read,
   * when the build's ignore rules hide the Dockerfile's path (BuildKit never sees it there): the
   * classic builder is sent the Dockerfile inside the context and removes it, and the {@code
   * .dockerignore}, only when the context's own {@code .dockerignore} names them. Empty when the
   * rules do not hide the Dockerfile, or when the context's {@code .dockerignore} is sent as a file
   * the image may copy (the engine then reads that one).
   */
  static Optional<String> dockerfileDropped(
      BuildContext context, SortedSet<String> files, String dockerfileName) {
    if (!context.isIgnored(dockerfileName) || files.contains(BuildContext.IGNORE_FILE)) {
      return Optional.empty();
    }
    return Optional.of(
        BuildContext.literalPattern(BuildContext.IGNORE_FILE)
            + "\n"
            + BuildContext.literalPattern(dockerfileName)
            + "\n");
  }

  /** The build command: every tag, the args, the target stage, the network and base credentials. */
  private BuildImageCmd command(InputStream in, String dockerfileName, Map<String, String> args) {
    Set<String> references = new LinkedHashSet<>();
    request.tags().forEach(tag -> references.add(request.image() + ":" + tag));
    BuildImageCmd command =
        client
            .buildImageCmd()
            .withTarInputStream(in)
            .withDockerfilePath(dockerfileName)
            .withTags(references)
            .withRemove(true)
            .withForcerm(true)
            .withPull(false);
    args.forEach(command::withBuildArg);
    if (request.target() != null) {
      command.withTarget(request.target());
    }
    String network = networkMode(client);
    if (network != null) {
      command.withNetworkMode(network);
    }
    AuthConfigurations baseAuth = baseImageAuth(request);
    if (!baseAuth.getConfigs().isEmpty()) {
      command.withBuildAuthConfigs(baseAuth);
    }
    return command;
  }

  /**
   * The Dockerfile with its heredocs rewritten into what BuildKit runs, or null when it has none:
   * engines without heredoc support (the classic builder, older BuildKit) run it the same way.
   */
  private HeredocLowering.Lowered forEngine(Path dockerfile)
      throws IOException, DockerfileException {
    if (!request.dockerfile().hasHeredocs()) {
      return null;
    }
    HeredocLowering.Lowered lowered =
        HeredocLowering.lower(
            Files.readString(dockerfile),
            request.dockerfile(),
            request.buildArgs(),
            new BaseShells(client, request)::of);
    request
        .log()
        .debug("Heredocs rewritten for the engine, inline files " + lowered.files().keySet());
    return lowered;
  }

  /** The build args the Dockerfile declares (or Docker predefines); warns for the others. */
  private static Map<String, String> buildArgs(ImageRequest request) throws DockerfileException {
    List<String> undeclared = CopySources.undeclaredArgs(request.dockerfile(), request.buildArgs());
    for (String name : undeclared) {
      request
          .log()
          .warn(
              "Build arg '"
                  + name
                  + "' is not declared by any ARG in "
                  + request.dockerfile().fileName()
                  + "; Docker ignores it (declare ARG "
                  + name
                  + ", or remove it from "
                  + Setting.BUILD_ARGS.slashed()
                  + name
                  + ")");
    }
    Map<String, String> args = new LinkedHashMap<>(request.buildArgs());
    undeclared.forEach(args::remove);
    return args;
  }

  /** Host networking when the engine has no bridge network (engines run with --bridge=none). */
  private static String networkMode(DockerClient client) {
    boolean hasBridge =
        client.listNetworksCmd().withNameFilter("bridge").exec().stream()
            .anyMatch(network -> "bridge".equals(network.getName()));
    return hasBridge ? null : "host";
  }

  /** Credentials for the registries the FROM lines name, so private base images can be pulled. */
  private static AuthConfigurations baseImageAuth(ImageRequest request) {
    AuthConfigurations configurations = new AuthConfigurations();
    RegistryAuth auth = new RegistryAuth(request.registries(), request.log());
    Set<String> registries = new LinkedHashSet<>();
    for (Instruction from : request.dockerfile().froms()) {
      List<String> words = from.words();
      if (!words.isEmpty() && !words.get(0).contains("$")) {
        RegistryAuth.registryOf(words.get(0)).ifPresent(registries::add);
      }
    }
    for (String registry : registries) {
      try {
        auth.forRegistry(registry).ifPresent(configurations::addConfig);
      } catch (CredentialLookupException e) {
        request.log().debug("No credentials for base images from " + registry + ": " + e);
      }
    }
    return configurations;
  }

  private static String archiveName(Path contextDir, Path dockerfile) {
    Path relative = contextDir.toAbsolutePath().normalize().relativize(dockerfile.toAbsolutePath());
    String name = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    return name.startsWith("..") ? ".dockyard.Dockerfile" : name;
  }
}
