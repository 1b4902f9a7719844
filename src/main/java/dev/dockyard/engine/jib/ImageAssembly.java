package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.registry.credentials.CredentialRetrievalException;
import dev.dockyard.context.BuildContext;
import dev.dockyard.context.CopyPlanner;
import dev.dockyard.context.ImageTree;
import dev.dockyard.context.ImageUsers;
import dev.dockyard.context.PlannedFile;
import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.ImageRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A resolved Dockerfile as jib's container builder: the files of each COPY/ADD planned into one
 * layer, and the config (env, labels, ports, volumes, workdir, user, entrypoint, cmd) set as the
 * recipe says.
 */
final class ImageAssembly {

  private ImageAssembly() {}

  /**
   * The files of each COPY/ADD, in order, planned against the base image's file tree and what the
   * steps before put in; an ADD of an archive is unpacked into the work dir.
   */
  static List<List<PlannedFile>> planLayers(
      ImageRecipe recipe,
      ImageRequest request,
      RegistryCall<ImageUsers> users,
      RegistryCall<ImageTree> baseTree)
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

  /** The signature of each layer jib will write: jib leaves empty layers out, so do these. */
  static List<String> signatures(List<List<PlannedFile>> planned, ImageRequest request)
      throws IOException {
    List<String> signatures = new ArrayList<>();
    for (List<PlannedFile> files : planned) {
      if (!files.isEmpty()) {
        signatures.add(
            LayerSignature.of(
                files, request.creationTime(), request.contextDir(), request.origins()));
      }
    }
    return signatures;
  }

  /**
   * The builder for the image: on scratch, or on the base image pinned to {@code baseDigest} when
   * there is one, configured and with one layer per COPY/ADD.
   */
  static JibContainerBuilder assemble(
      ImageReference base,
      String baseDigest,
      JibCredentials credentials,
      ImageRecipe recipe,
      List<List<PlannedFile>> planned,
      ImageRequest request)
      throws IOException, CacheDirectoryCreationException {
    JibContainerBuilder builder =
        base.isScratch()
            ? Jib.fromScratch()
            : Jib.from(
                credentials.registryImage(
                    baseDigest == null ? base : base.withQualifier(baseDigest)));
    configure(builder, recipe, request);
    addLayers(builder, recipe, planned, request);
    return builder;
  }

  /** Sets the image config the recipe holds: all the Dockerfile says but its COPY and ADD. */
  static void configure(JibContainerBuilder builder, ImageRecipe recipe, ImageRequest request) {
    builder
        .setFormat(ImageFormat.Docker)
        .setCreationTime(request.creationTime())
        .setEnvironment(recipe.environment())
        .setLabels(recipe.labels())
        .setExposedPorts(ports(recipe));
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

  /** The recipe's EXPOSE ports, each written {@code port/protocol}. */
  private static Set<Port> ports(ImageRecipe recipe) {
    Set<Port> ports = new LinkedHashSet<>();
    for (String port : recipe.exposedPorts()) {
      int slash = port.indexOf('/');
      ports.add(
          Port.parseProtocol(
              Integer.parseInt(port.substring(0, slash)), port.substring(slash + 1)));
    }
    return ports;
  }

  /**
   * Adds one layer per COPY/ADD, with the files planned for it; a layer jib-core cannot write as
   * {@code docker build} does is written into jib's cache first ({@link ExactLayers}).
   */
  static void addLayers(
      JibContainerBuilder builder,
      ImageRecipe recipe,
      List<List<PlannedFile>> planned,
      ImageRequest request)
      throws IOException, CacheDirectoryCreationException {
    for (int i = 0; i < planned.size(); i++) {
      CopyStep step = recipe.copies().get(i);
      List<PlannedFile> files = planned.get(i);
      List<FileEntry> entries = new ArrayList<>();
      for (PlannedFile file : files) {
        entries.add(
            new FileEntry(
                source(file, request),
                AbsoluteUnixPath.get(file.containerPath()),
                FilePermissions.fromPosixFilePermissions(file.permissions()),
                request.creationTime(),
                file.ownership() == null ? "" : file.ownership()));
      }
      if (ExactLayers.needed(files)) {
        ExactLayers.cache(
            ContainerizerFactory.applicationLayersCache(request),
            files,
            entries,
            request.creationTime());
      }
      builder.addFileEntriesLayer(
          FileEntriesLayer.builder()
              .setName(step.keyword().toLowerCase() + " " + step.location().line())
              .setEntries(entries)
              .build());
    }
  }

  /**
   * The file jib is given for a planned one: a jar's origin for a link of it laid out in the
   * context; for a symlink, which jib never reads (its layer is written by {@link ExactLayers}),
   * the directory holding it, which exists even when the link dangles.
   */
  private static Path source(PlannedFile file, ImageRequest request) {
    if (file.isLink()) {
      return file.source().toAbsolutePath().getParent();
    }
    return request.origins().getOrDefault(file.source(), file.source());
  }
}
