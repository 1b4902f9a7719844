package dev.dockyard.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.dockyard.context.BuildContext;
import dev.dockyard.dockerfile.CopySources;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.HeredocLowering;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.BaseImageSource;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import dev.dockyard.files.FileProblem;
import dev.dockyard.registry.CredentialLookupException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * The engine for any Dockerfile: sends the rendered Dockerfile and only the files it copies to a
 * Docker engine found as the Docker CLI finds it, streams the engine's output to the log, and tags
 * the result; then saves it to the tarball or pushes every tag with the credential chain. Whatever
 * fails, the image's tags are removed from the engine, so no tag points at a half-made image.
 */
public final class DockerEngine implements ImageEngine {

  static final String CONTEXT_TAR = "docker-context.tar";

  private final String why;
  private final Map<String, String> env;
  private final Path home;
  private final BaseImageSource baseImages;

  /**
   * @param why why this Dockerfile goes to a Docker engine, for messages: the instruction and its
   *     file:line, or the setting that forced the engine
   * @param env the process environment (DOCKER_HOST, DOCKER_CONTEXT, ...)
   * @param home the user's home directory ({@code ~/.docker})
   * @param baseImages fetches the base images only dockyard's registry settings reach
   */
  public DockerEngine(String why, Map<String, String> env, Path home, BaseImageSource baseImages) {
    this.why = why;
    this.env = Map.copyOf(env);
    this.home = home;
    this.baseImages = baseImages;
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public ImageResult build(ImageRequest request, Target target) throws EngineException {
    EngineLocator locator = new EngineLocator(env, home);
    EngineEndpoint endpoint;
    try {
      endpoint = locator.locate();
    } catch (EngineLocator.EngineConfigException e) {
      throw new EngineException(e.getMessage(), true, e);
    }
    try (DockerConnection connection = connect(endpoint, locator.dockerConfigDir(), request)) {
      request
          .log()
          .info(
              "Docker engine "
                  + endpoint.host()
                  + " (from "
                  + endpoint.source()
                  + "): "
                  + connection.describe()
                  + "; needed for "
                  + request.module()
                  + " by "
                  + why);
      DockerClient client = connection.client();
      try {
        InspectImageResponse built = buildImage(client, request);
        long size;
        String digest = "";
        if (target.isRegistry()) {
          digest = push(client, request);
          size = built.getSize() == null ? -1 : built.getSize();
        } else {
          size = save(client, request, target.tarball());
        }
        return new ImageResult(
            request.image(),
            List.copyOf(request.tags()),
            digest,
            built.getId(),
            name(),
            target.isRegistry(),
            size,
            -1);
      } catch (EngineException | RuntimeException e) {
        untag(client, request);
        throw e;
      }
    } catch (IOException e) {
      throw new EngineException(
          "Talking to the Docker engine failed: '"
              + e.getMessage()
              + "' while building "
              + request.image(),
          false,
          e);
    }
  }

  // ---- connect -----------------------------------------------------------------------------

  private DockerConnection connect(EngineEndpoint endpoint, Path dockerConfig, ImageRequest request)
      throws EngineException {
    try {
      return DockerConnection.open(endpoint, dockerConfig);
    } catch (RuntimeException e) {
      throw engineDown(endpoint, e, request);
    }
  }

  private EngineException engineDown(EngineEndpoint endpoint, Throwable e, ImageRequest request) {
    boolean denied = false;
    String reason = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof AccessDeniedException
          || message.toLowerCase(Locale.ROOT).contains("permission denied")) {
        denied = true;
        reason = "permission denied";
        break;
      }
      if (t instanceof NoSuchFileException
          || message.contains("No such file")
          || t instanceof java.net.ConnectException) {
        reason = t instanceof NoSuchFileException ? "no such socket" : message;
      }
    }
    String what =
        denied
            ? "Docker engine socket not accessible: '"
                + endpoint.host()
                + "' (from "
                + endpoint.source()
                + "): "
                + reason
            : "No Docker engine answers at '"
                + endpoint.host()
                + "' (from "
                + endpoint.source()
                + "): "
                + reason;
    String fix =
        denied
            ? "add your user to the docker group, or point DOCKER_HOST at an engine you may use"
            : "start the engine, or point DOCKER_HOST at a running one (unix:///var/run/docker.sock,"
                + " or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or select"
                + " a Docker context";
    return new EngineException(
        what
            + "; needed for "
            + request.module()
            + " by "
            + why
            + "; looked at: "
            + String.join(", ", endpoint.lookedAt())
            + "; "
            + fix
            + (why.contains("dockyard.engine")
                ? "; or build daemonless with -Ddockyard.engine=auto"
                : "; without an engine, remove the instruction to build daemonless"
                    + " (-Ddockyard.engine=auto)"),
        false,
        e);
  }

  // ---- build -------------------------------------------------------------------------------

  private InspectImageResponse buildImage(DockerClient client, ImageRequest request)
      throws EngineException {
    Path workDir = request.workDir();
    Path contextTar = workDir.resolve(CONTEXT_TAR);
    try {
      Files.createDirectories(workDir);
      Path dockerfile = workDir.resolve("Dockerfile");
      String dockerfileName = archiveName(request.contextDir(), dockerfile);
      SortedSet<String> files =
          new ContextSelection(
                  BuildContext.open(request.contextDir(), request.workDir().resolve("Dockerfile")))
              .select(CopySources.of(request.dockerfile(), request.buildArgs()));
      request
          .log()
          .debug("Build context for " + request.module() + ": " + dockerfileName + " " + files);
      HeredocLowering.Lowered sent = forEngine(request, dockerfile);
      Path sentFile = dockerfile;
      if (sent != null) {
        sentFile = workDir.resolve("Dockerfile.engine");
        Files.writeString(sentFile, sent.text());
      }
      try (OutputStream out = Files.newOutputStream(contextTar)) {
        ContextArchive.write(
            request.contextDir(),
            files,
            sentFile,
            dockerfileName,
            sent == null ? Map.of() : sent.files(),
            request.creationTime(),
            out);
      }

      new BaseImagePreload(client, baseImages).ensure(request);
      Map<String, String> args = buildArgs(request);
      Set<String> references = new LinkedHashSet<>();
      request.tags().forEach(tag -> references.add(request.image() + ":" + tag));
      BuildStream stream = new BuildStream(request.module(), request.log());
      try (InputStream in = Files.newInputStream(contextTar)) {
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
        command.exec(stream).awaitCompletion();
      } finally {
        stream.finish();
      }
      if (stream.error() != null) {
        throw buildFailed(stream, request);
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
      throw new EngineException(
          "The Docker engine refused the build of "
              + request.image()
              + ": '"
              + e.getMessage().strip()
              + "'; check the Dockerfile "
              + request.dockerfile().fileName(),
          true,
          e);
    } finally {
      try {
        Files.deleteIfExists(contextTar);
      } catch (IOException e) {
        request.log().debug("Could not delete " + contextTar + ": " + e.getMessage());
      }
    }
  }

  /**
   * The Dockerfile with its heredocs rewritten into what BuildKit runs, or null when it has none:
   * engines without heredoc support (the classic builder, older BuildKit) run it the same way.
   */
  private static HeredocLowering.Lowered forEngine(ImageRequest request, Path dockerfile)
      throws IOException, DockerfileException {
    if (!request.dockerfile().hasHeredocs()) {
      return null;
    }
    HeredocLowering.Lowered lowered =
        HeredocLowering.lower(
            Files.readString(dockerfile), request.dockerfile(), request.buildArgs());
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
                  + ", or remove it from <buildArgs>/-Ddockyard.buildArg."
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
  private AuthConfigurations baseImageAuth(ImageRequest request) {
    AuthConfigurations configurations = new AuthConfigurations();
    RegistryAuth auth = new RegistryAuth(request.registries(), request.log());
    Set<String> registries = new LinkedHashSet<>();
    for (Instruction from : request.dockerfile().froms()) {
      List<String> words = from.words();
      if (!words.isEmpty() && !words.get(0).contains("$")) {
        registryOf(words.get(0)).ifPresent(registries::add);
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

  /** The registry of an image reference, empty for Docker Hub and build stages. */
  static Optional<String> registryOf(String reference) {
    int slash = reference.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String first = reference.substring(0, slash);
    boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return isRegistry ? Optional.of(first) : Optional.empty();
  }

  private static String archiveName(Path contextDir, Path dockerfile) {
    Path relative = contextDir.toAbsolutePath().normalize().relativize(dockerfile.toAbsolutePath());
    String name = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    return name.startsWith("..") ? ".dockyard.Dockerfile" : name;
  }

  private static EngineException buildFailed(BuildStream stream, ImageRequest request) {
    Instruction instruction = instructionOf(stream, request);
    String written = instruction != null ? instruction.text() : stream.stepText();
    String where = instruction != null ? " at " + instruction.location() : "";
    String keyword =
        instruction != null
            ? instruction.keyword()
            : written == null ? "" : written.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    List<String> tail = stream.tail();
    String output =
        tail.isEmpty() ? "" : "\nLast output of the step:\n  " + String.join("\n  ", tail);
    String error = stream.error().strip();
    if (keyword.equals("RUN") && error.contains("non-zero code")) {
      return new EngineException(
          "RUN step failed with exit code "
              + stream.errorCode()
              + ": '"
              + written
              + "'"
              + where
              + "; fix the command (it runs in the image being built)"
              + output,
          true,
          null);
    }
    if (keyword.equals("FROM")) {
      boolean missing =
          error.contains("not found")
              || error.contains("manifest unknown")
              || error.contains("denied");
      return new EngineException(
          "Base image not available: '"
              + error
              + "'"
              + where
              + "; check the FROM line (or <from>/-Ddockyard.from), that the image was pushed and"
              + " that the engine can reach its registry",
          missing,
          null);
    }
    return new EngineException(
        (keyword.isEmpty() ? "Build" : keyword + " step")
            + " failed: '"
            + error
            + "'"
            + (where.isEmpty() && written != null ? " in '" + written + "'" : where)
            + "; fix the Dockerfile "
            + request.dockerfile().fileName()
            + output,
        true,
        null);
  }

  /** The instruction of the step that failed: the engine numbers steps in file order. */
  private static Instruction instructionOf(BuildStream stream, ImageRequest request) {
    List<Instruction> instructions = request.dockerfile().instructions();
    int step = stream.step();
    if (step < 1 || step > instructions.size() || stream.stepText() == null) {
      return null;
    }
    Instruction candidate = instructions.get(step - 1);
    return stream.stepText().toUpperCase(Locale.ROOT).startsWith(candidate.keyword())
        ? candidate
        : null;
  }

  // ---- outputs -----------------------------------------------------------------------------

  private static long save(DockerClient client, ImageRequest request, Path tarball)
      throws EngineException {
    Path temp = tarball.resolveSibling(tarball.getFileName() + ".tmp");
    try {
      Files.createDirectories(tarball.getParent());
      var command = client.saveImagesCmd();
      request.tags().forEach(tag -> command.withImage(request.image(), tag));
      try (InputStream in = command.exec()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temp, tarball, StandardCopyOption.REPLACE_EXISTING);
      return Files.size(tarball);
    } catch (IOException e) {
      throw new EngineException(
          "Saving the image to " + tarball + " failed: '" + e.getMessage() + "'", false, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        request.log().debug("Could not delete " + temp + ": " + e.getMessage());
      }
    }
  }

  /** Pushes every tag and returns the digest the registry reported. */
  private String push(DockerClient client, ImageRequest request) throws EngineException {
    String registry = registryOf(request.image()).orElse("docker.io");
    Optional<AuthConfig> auth =
        new RegistryAuth(request.registries(), request.log()).forRegistry(registry);
    String digest = null;
    for (String tag : request.tags()) {
      PushStream stream = new PushStream(request);
      var command = client.pushImageCmd(request.image()).withTag(tag);
      auth.ifPresent(command::withAuthConfig);
      try {
        command.exec(stream).awaitCompletion();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineException("Interrupted while pushing " + request.image(), false, e);
      } catch (DockerException e) {
        throw pushFailed(request, tag, e.getMessage(), e);
      }
      if (stream.error != null) {
        throw pushFailed(request, tag, stream.error, null);
      }
      if (stream.digest == null) {
        throw new EngineException(
            "The engine reported no digest for " + request.image() + ":" + tag, false, null);
      }
      if (digest != null && !digest.equals(stream.digest)) {
        throw new EngineException(
            "Tags of one image got different digests: '"
                + stream.digest
                + "' for "
                + tag
                + ", '"
                + digest
                + "' before; rerun the push",
            false,
            null);
      }
      digest = stream.digest;
      request.log().debug("Pushed " + request.image() + ":" + tag + " " + stream.digest);
    }
    return digest;
  }

  private static EngineException pushFailed(
      ImageRequest request, String tag, String message, Throwable cause) {
    String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
    if (lower.contains("403") || lower.contains("forbidden")) {
      return new EngineException(
          "Registry denied the push (403 Forbidden) of "
              + request.image()
              + ":"
              + tag
              + ": the account lacks push permission on that repository; ask for push rights, or"
              + " push to another <namespace>/-Ddockyard.namespace",
          true,
          cause);
    }
    boolean refused =
        lower.contains("unauthorized")
            || lower.contains("denied")
            || lower.contains("authentication required")
            || lower.contains("forbidden");
    if (refused) {
      return new EngineException(
          "Registry refused the push of "
              + request.image()
              + ":"
              + tag
              + ": '"
              + String.valueOf(message).strip()
              + "'; set a <server> in settings.xml whose id is the registry host, or"
              + " DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login",
          true,
          cause);
    }
    return new EngineException(
        "Pushing "
            + request.image()
            + ":"
            + tag
            + " failed: '"
            + String.valueOf(message).strip()
            + "'; check that the registry runs and that the engine may reach it (an HTTP"
            + " registry must be in the engine's insecure-registries)",
        false,
        cause);
  }

  /** Removes the image's tags from the engine; a tag that does not exist is fine. */
  private static void untag(DockerClient client, ImageRequest request) {
    for (String tag : request.tags()) {
      String reference = request.image() + ":" + tag;
      try {
        client.removeImageCmd(reference).withForce(false).exec();
        request.log().info("Removed tag " + reference + " from the engine after the failure");
      } catch (NotFoundException e) {
        // never tagged: nothing to undo
      } catch (RuntimeException e) {
        request.log().warn("Could not remove tag " + reference + ": " + e.getMessage());
      }
    }
  }

  /** Follows a push: progress to debug, the registry's digest and any error kept. */
  private static final class PushStream extends ResultCallback.Adapter<PushResponseItem> {
    private final ImageRequest request;
    private volatile String digest;
    private volatile String error;

    PushStream(ImageRequest request) {
      this.request = request;
    }

    @Override
    public void onNext(PushResponseItem item) {
      if (item.isErrorIndicated()) {
        error =
            item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage()
                : item.getError();
        return;
      }
      if (item.getAux() != null && item.getAux().getDigest() != null) {
        digest = item.getAux().getDigest();
      }
      if (item.getStatus() != null) {
        request
            .log()
            .debug(
                "["
                    + request.module()
                    + "] "
                    + (item.getId() == null ? "" : item.getId() + ": ")
                    + item.getStatus());
      }
    }
  }
}
