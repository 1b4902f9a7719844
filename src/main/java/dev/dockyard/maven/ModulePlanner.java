package dev.dockyard.maven;

import dev.dockyard.context.BuildContext;
import dev.dockyard.dockerfile.ApplicationFolders;
import dev.dockyard.dockerfile.CopyFromStages;
import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.DockerfileGenerator;
import dev.dockyard.dockerfile.DockerfileGeneratorException;
import dev.dockyard.dockerfile.DockerfileParser;
import dev.dockyard.dockerfile.TemplateRenderer;
import dev.dockyard.files.FileAccessException;
import dev.dockyard.layout.ApplicationLayout;
import dev.dockyard.layout.JarMembership;
import dev.dockyard.layout.OutputDrift;
import dev.dockyard.registry.ImageName;
import dev.dockyard.registry.InvalidImageNameException;
import dev.dockyard.select.Decision;
import dev.dockyard.select.ModuleCandidate;
import dev.dockyard.select.ModuleSelector;
import dev.dockyard.select.SelectionException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Turns one module and its configuration into a {@link ModulePlan}: selection, image name and tags,
 * application layout, and the Dockerfile rendered from a template or generated.
 */
final class ModulePlanner {

  private final DockyardMojo mojo;
  private final ModuleConfig config;
  private final MavenProject project;
  private final ModuleInspector inspector;

  ModulePlanner(DockyardMojo mojo, ModuleConfig config) {
    this.mojo = mojo;
    this.config = config;
    this.project = mojo.project;
    this.inspector = new ModuleInspector(reactorRoot(mojo), mojo.session.getUserProperties());
  }

  ModulePlan plan()
      throws MojoFailureException,
          SelectionException,
          InvalidImageNameException,
          DockerfileException,
          DockerfileGeneratorException,
          IOException {
    ModuleSelector selector = new ModuleSelector(config.modules());
    ReactorState state = ReactorState.of(mojo.session);
    selector.requireEveryEntryMatches(reactorCandidates(state));
    ModuleCandidate candidate = state.candidate(project, inspector);
    Decision decision = selector.decide(candidate);
    if (!decision.image()) {
      return ModulePlan.skipped(project.getArtifactId(), decision.reason());
    }

    ImageName name = config.naming().name(project.getArtifactId());
    List<String> tags = config.naming().tags(project.getVersion());
    claim(state, name);

    Path workDir = Path.of(project.getBuild().getDirectory(), "dockyard");
    checkBuildDirectoryInModule();
    Files.createDirectories(workDir);
    ApplicationLayout layout =
        new ApplicationLayout(
            LayoutInputs.module(project),
            workDir,
            membership(state),
            mojo.baseLayersCache().resolveSibling("reactor-jars"));
    Map<String, String> folders = layout.layOut();
    reportDrift();
    Optional<String> mainClass =
        Optional.ofNullable(config.image().mainClass()).or(candidate::mainClass);

    Optional<Path> template = template();
    Path rendered = workDir.resolve("Dockerfile");
    String text =
        template.isPresent()
            ? renderTemplate(template.get(), folders, mainClass)
            : generateDockerfile(layout, folders, mainClass);
    String fileName = displayPath(template.orElse(rendered));
    Dockerfile parsed = writeDockerfile(rendered, text, fileName, template.orElse(null));
    return new ModulePlan(
        project.getArtifactId(), null, name, tags, workDir, parsed, layout.origins());
  }

  /** Every module of the reactor as the selector sees it. */
  private List<ModuleCandidate> reactorCandidates(ReactorState state) {
    List<ModuleCandidate> reactor = new ArrayList<>();
    for (MavenProject module : mojo.session.getProjects()) {
      reactor.add(state.candidate(module, inspector));
    }
    return reactor;
  }

  /** Claims the image name for this module; two modules pushing one image is a mistake. */
  private void claim(ReactorState state, ImageName name) throws MojoFailureException {
    Optional<String> owner = state.claim(name.toString(), project.getArtifactId());
    if (owner.isPresent()) {
      throw new MojoFailureException(
          "Two modules would push the same image: '"
              + name
              + "' for "
              + project.getArtifactId()
              + " and "
              + owner.get()
              + "; give each its own <repository>, or use ${project.artifactId} in"
              + " -Ddockyard.repository");
    }
  }

  /** Which jars the reactor's image modules share: read once a session, for every module. */
  private JarMembership membership(ReactorState state) {
    return state.membership(
        () -> {
          List<MavenProject> imageModules = new ArrayList<>();
          for (MavenProject module : mojo.session.getAllProjects()) {
            if (state.candidate(module, inspector).isImageModule()) {
              imageModules.add(module);
            }
          }
          return MembershipResolver.cached(
              mojo.session,
              imageModules,
              mojo.dependenciesResolver,
              mojo.getLog(),
              mojo.baseLayersCache().resolveSibling("membership"));
        });
  }

  private String renderTemplate(Path file, Map<String, String> folders, Optional<String> mainClass)
      throws MojoFailureException, DockerfileException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new MojoFailureException(
          "Dockerfile template not found: '"
              + file
              + "' set by <dockerfile>/<dockerfileTemplate>; fix the path (relative paths are"
              + " resolved against the module directory)");
    }
    Map<String, String> values = placeholderValues(folders, mainClass.orElse(null));
    return TemplateRenderer.render(
        Files.readString(file, StandardCharsets.UTF_8), displayPath(file), values);
  }

  private String generateDockerfile(
      ApplicationLayout layout, Map<String, String> folders, Optional<String> mainClass)
      throws MojoFailureException, DockerfileGeneratorException, IOException {
    if (config.image().from() == null) {
      throw new MojoFailureException(
          "No base image for the generated Dockerfile of "
              + project.getArtifactId()
              + ": '<from>' is not set; set <from> in the plugin configuration or"
              + " -Ddockyard.from=registry/java:17, or add src/main/docker/Dockerfile");
    }
    if (mainClass.isEmpty() && config.image().entrypoint().isEmpty()) {
      throw new MojoFailureException(
          "No main class for "
              + project.getArtifactId()
              + ": several main methods "
              + inspector.mainClassesInSources(project)
              + "; set <mainClass> in the module's plugin configuration");
    }
    return DockerfileGenerator.generate(
        config.image().withMainClass(mainClass.orElse(null)),
        new ApplicationFolders(
            layout.libraryLayers(),
            ifFilled(folders.get("dockyard.snapshotLibs")),
            ifFilled(layout.stableResources()),
            ifFilled(folders.get("dockyard.classes")),
            ifFilled(layout.volatileResources()),
            layout.classpathJars()));
  }

  /** Writes the Dockerfile the engines read, with its ignore file, and parses it. */
  private Dockerfile writeDockerfile(Path rendered, String text, String fileName, Path template)
      throws IOException, DockerfileException {
    try {
      Files.writeString(rendered, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FileAccessException("writing the rendered Dockerfile", rendered, e);
    }
    ownIgnoreFile(template, rendered);
    Dockerfile parsed = DockerfileParser.parse(text, fileName);
    parsed.warnings().forEach(mojo.getLog()::warn);
    CopyFromStages.check(parsed);
    return parsed;
  }

  /**
   * BuildKit reads {@code <Dockerfile>.dockerignore} beside a Dockerfile in place of the context's
   * {@code .dockerignore}: the template's goes beside the rendered Dockerfile, where the engines
   * (and a plain {@code docker build -f target/dockyard/Dockerfile .}) find it; a stale one goes.
   */
  private void ownIgnoreFile(Path template, Path rendered) throws IOException, DockerfileException {
    Path copy = BuildContext.ignoreFileOf(rendered);
    Path own = BuildContext.ignoreFileOf(template);
    if (own == null || !Files.isRegularFile(own)) {
      Files.deleteIfExists(copy);
      return;
    }
    BuildContext.check(own, displayPath(own));
    try {
      Files.copy(own, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new FileAccessException("copying " + displayPath(own) + " to", copy, e);
    }
  }

  /**
   * The template to render, in lookup order ({@code -Ddockyard.dockerfile}, the module's own
   * Dockerfile, {@code <dockerfileTemplate>}), or empty to generate the Dockerfile.
   */
  private Optional<Path> template() throws MojoFailureException {
    Optional<Path> property = inspector.dockerfileProperty(project);
    if (property.isPresent()) {
      if (!Files.isRegularFile(property.get())) {
        throw new MojoFailureException(
            "Dockerfile template not found: '"
                + displayPath(property.get())
                + "' named by -Ddockyard.dockerfile="
                + mojo.session.getUserProperties().getProperty("dockyard.dockerfile").trim()
                + " for "
                + project.getArtifactId()
                + "; add the file to the module (the path is resolved against each module's"
                + " directory), or leave the module out with -Ddockyard.modules");
      }
      return property;
    }
    Optional<Path> own = inspector.ownDockerfile(project);
    if (own.isEmpty() && config.dockerfileTemplate() != null) {
      return Optional.of(config.dockerfileTemplate().toPath());
    }
    return own;
  }

  /**
   * Warns, once per build, of each resource that changed though its source did not: it alone gives
   * the image a new digest.
   */
  private void reportDrift() throws IOException {
    Path basedir = project.getBasedir().toPath();
    Map<String, Path> outputs =
        OutputDrift.resourcesBelow(Path.of(project.getBuild().getOutputDirectory()));
    List<Path> sourceFolders =
        project.getResources().stream()
            .filter(resource -> resource.getTargetPath() == null)
            .map(resource -> basedir.resolve(resource.getDirectory()))
            .toList();
    OutputDrift drift =
        new OutputDrift(
            mojo.baseLayersCache()
                .resolveSibling("outputs")
                .resolve(OutputDrift.recordName(basedir)));
    for (OutputDrift.Drift changed :
        drift.check(outputs, OutputDrift.sourcesIn(sourceFolders, outputs.keySet()))) {
      mojo.getLog()
          .warn(
              displayPath(
                      Path.of(project.getBuild().getOutputDirectory()).resolve(changed.output()))
                  + " changes with every build, though "
                  + displayPath(Path.of(changed.source()))
                  + " did not: the image gets a new digest each time; keep values that change"
                  + " per build (such as a filtered ${maven.build.timestamp}) out of resources,"
                  + " or set them at run time");
    }
  }

  /** The context-relative folder when it holds files, else null (no COPY line for it). */
  private String ifFilled(String relative) throws IOException {
    return ApplicationLayout.hasFiles(project.getBasedir().toPath().resolve(relative))
        ? relative
        : null;
  }

  private Map<String, String> placeholderValues(Map<String, String> folders, String mainClass) {
    Map<String, String> values = new HashMap<>();
    project.getProperties().forEach((k, v) -> values.put(k.toString(), v.toString()));
    mojo.session.getUserProperties().forEach((k, v) -> values.put(k.toString(), v.toString()));
    values.put("project.artifactId", project.getArtifactId());
    values.put("project.groupId", project.getGroupId());
    values.put("project.version", project.getVersion());
    values.put("project.name", String.valueOf(project.getName()));
    values.put("project.description", String.valueOf(project.getDescription()));
    values.put("project.build.finalName", project.getBuild().getFinalName());
    values.putAll(folders);
    if (config.image().from() != null) {
      values.put("dockyard.from", config.image().from());
    }
    if (mainClass != null) {
      values.put("dockyard.mainClass", mainClass);
    }
    values.put(
        "dockyard.jar",
        project
            .getBasedir()
            .toPath()
            .relativize(
                Path.of(
                    project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar"))
            .toString()
            .replace(File.separatorChar, '/'));
    return values;
  }

  /**
   * The image is built from the module folder, Docker's build context, and what dockyard lays out
   * for it goes under the build directory: outside the module, no COPY could reach it.
   */
  private void checkBuildDirectoryInModule() throws MojoFailureException {
    Path module = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    if (!build.startsWith(module)) {
      throw new MojoFailureException(
          "The build directory "
              + build
              + " (<build><directory> of "
              + displayPath(project.getFile().toPath())
              + ") is outside the module folder "
              + module
              + ": the image is built from the module folder, Docker's build context, and nothing"
              + " outside it can be copied into the image; keep <build><directory> inside the"
              + " module (Maven's default is ${project.basedir}/target), or set"
              + " <skip>true</skip> for this module");
    }
  }

  /** The path users recognise in errors: relative to the reactor root when inside it. */
  private String displayPath(Path file) {
    Path root = reactorRoot(mojo);
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(root)
        ? root.relativize(absolute).toString().replace(File.separatorChar, '/')
        : absolute.toString();
  }

  static Path reactorRoot(DockyardMojo mojo) {
    MavenProject top = mojo.session.getTopLevelProject();
    if (top != null && top.getBasedir() != null) {
      return top.getBasedir().toPath().toAbsolutePath().normalize();
    }
    return Path.of(mojo.session.getExecutionRootDirectory()).toAbsolutePath().normalize();
  }
}
