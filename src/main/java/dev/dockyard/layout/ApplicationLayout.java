package dev.dockyard.layout;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.codehaus.plexus.util.FileUtils;

/**
 * Lays out the application files a Dockerfile copies, under {@code target/dockyard/app}: all
 * dependency jars ({@code libs}), the SNAPSHOT ones again on their own, resources and classes, each
 * in its own folder so each can become its own layer, the most stable first. Files are hard-linked
 * where the file system allows it, and have modes that do not depend on the umask (see {@link
 * StagedFiles}).
 */
public final class ApplicationLayout {

  static final String LIBS = "libs";
  static final String SNAPSHOT_LIBS = "snapshot-libs";
  static final String RESOURCES = "resources";
  static final String CLASSES = "classes";
  static final String LAYERS = "layers";
  static final String STABLE_RESOURCES = "stable-resources";
  static final String VOLATILE = "volatile-resources";

  /** Beside the layout: what it placed, to keep it when the next build would place the same. */
  static final String RECORD = "app.placed";

  /** Resources rewritten by every build (Spring Boot build-info, git-commit-id plugins). */
  static final Set<String> VOLATILE_RESOURCES =
      Set.of("META-INF/build-info.properties", "git.properties", "META-INF/git.properties");

  /** The layer of release jars that modules of the reactor build. */
  static final String REACTOR = "reactor";

  /**
   * The module whose application is laid out.
   *
   * @param id Maven's id of the module: how the jar membership names it
   * @param basedir the module folder, Docker's build context: folders are named relative to it
   * @param outputDirectory the module's classes and resources
   * @param boot true when built with Spring Boot's plugin
   * @param dependencies its resolved dependencies, in Maven's classpath order
   */
  public record Module(
      String id,
      Path basedir,
      Path outputDirectory,
      boolean boot,
      List<DependencyJar> dependencies) {}

  private final Module module;
  private final Path appDir;
  private final JarMembership membership;
  private final Path reactorJarCache;
  private final List<String> libraryLayers = new ArrayList<>();
  private final List<String> classpathJars = new ArrayList<>();
  private final Map<Path, Path> origins = new HashMap<>();
  private final List<Placement> placements = new ArrayList<>();
  private final Map<Path, Placement> placed = new HashMap<>();
  private Path appRealPath;

  /**
   * @param workDir the module's {@code target/dockyard}: the layout goes into its {@code app}
   * @param reactorJarCache where the normalized jars of reactor modules are kept, by content
   */
  public ApplicationLayout(
      Module module, Path workDir, JarMembership membership, Path reactorJarCache) {
    this.module = module;
    this.appDir = workDir.resolve("app");
    this.membership = membership;
    this.reactorJarCache = reactorJarCache;
  }

  /**
   * The context-relative folders, by placeholder name, after laying them out. The layout of the
   * last build is kept when it placed the very same files (same paths, and sources of the same
   * size, modification time, file and mode, all still there): a rebuild without {@code clean} of an
   * unchanged module links nothing again.
   */
  public Map<String, String> layOut() throws IOException {
    Files.createDirectories(appDir.getParent());
    appRealPath = appDir.getParent().toRealPath().resolve(appDir.getFileName());
    Path libs = appDir.resolve(LIBS);
    Path snapshots = appDir.resolve(SNAPSHOT_LIBS);
    Path resources = appDir.resolve(RESOURCES);
    Path classes = appDir.resolve(CLASSES);
    planJars(libs, snapshots);
    planOutputDirectory(classes, resources);

    List<String> record = record();
    Path recordFile = appDir.resolveSibling(RECORD);
    if (!laidOutAlready(recordFile, record)) {
      Files.deleteIfExists(recordFile);
      if (Files.exists(appDir)) {
        FileUtils.deleteDirectory(appDir.toFile());
      }
      for (String folder :
          List.of(LIBS, SNAPSHOT_LIBS, RESOURCES, CLASSES, STABLE_RESOURCES, VOLATILE, LAYERS)) {
        Files.createDirectories(appDir.resolve(folder));
      }
      for (Placement placement : placements) {
        Files.createDirectories(placement.target().getParent());
        StagedFiles.place(placement.source(), placement.own(), placement.target());
      }
      StagedFiles.normalizeFolders(appDir);
      SealedLines.write(recordFile, record);
    }
    Map<String, String> folders = new LinkedHashMap<>();
    folders.put("dockyard.libs", contextRelative(libs));
    folders.put("dockyard.snapshotLibs", contextRelative(snapshots));
    folders.put("dockyard.resources", contextRelative(resources));
    folders.put("dockyard.classes", contextRelative(classes));
    return folders;
  }

  /**
   * A file to place in the layout, from its source as read when planned.
   *
   * @param own the source's own attributes, which decide how it is placed (a symbolic link's own)
   * @param content the attributes of what the source holds (a symbolic link's target's)
   */
  private record Placement(
      Path target, Path source, BasicFileAttributes own, BasicFileAttributes content) {}

  /** One line a placement: where, from where, and what the source was. */
  private List<String> record() {
    List<String> lines = new ArrayList<>();
    for (Placement placement : placements) {
      BasicFileAttributes source = placement.content();
      String mode =
          source instanceof PosixFileAttributes posix
              ? PosixFilePermissions.toString(posix.permissions())
              : "-";
      lines.add(
          String.join(
              "\t",
              appDir.relativize(placement.target()).toString(),
              placement.source().toAbsolutePath().toString(),
              Long.toString(source.size()),
              source.lastModifiedTime().toInstant().toString(),
              String.valueOf(source.fileKey()),
              mode,
              placement.own().isSymbolicLink() ? "link" : "file"));
    }
    return lines;
  }

  /** True when the last layout placed these very files, and they are all still there. */
  private boolean laidOutAlready(Path recordFile, List<String> record) throws IOException {
    if (!Files.isDirectory(appDir) || !Files.isRegularFile(recordFile)) {
      return false;
    }
    Optional<List<String>> last = SealedLines.read(recordFile);
    if (last.isEmpty() || !last.get().equals(record)) {
      return false;
    }
    for (Placement placement : placements) {
      if (!Files.exists(placement.target(), LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every runtime jar under {@code libs}, the SNAPSHOT ones again under {@code snapshot-libs}, and
   * the release jars in layers by family, the reactor's own in a layer of their own.
   */
  private void planJars(Path libs, Path snapshots) throws IOException {
    Set<String> names = new HashSet<>();
    Map<String, Long> releaseJars = new LinkedHashMap<>();
    Map<String, Path> releaseLinks = new HashMap<>();
    List<Path> reactorJars = new ArrayList<>();
    for (DependencyJar jar : RuntimeClasspath.of(module.dependencies(), module.boot())) {
      Path file = jar.file();
      Optional<Placement> source = source(file);
      if (source.isEmpty() || !source.get().content().isRegularFile()) {
        continue;
      }
      boolean reactor = membership.isReactorModule(jar) && isJar(file);
      String name = jar.nameInImage(reactor);
      if (!names.add(name)) {
        // Two artifacts with one artifactId and version: keep both, told apart by group.
        name = jar.groupId() + "-" + name;
        names.add(name);
      }
      if (reactor) {
        source = source(ReactorJar.normalized(file, name, reactorJarCache));
      }
      // ${dockyard.libs} holds every runtime jar; SNAPSHOTs also get a folder of their own.
      Path linked = placeFrom(source.orElseThrow(), libs.resolve(name));
      if (jar.snapshot()) {
        placeFrom(source.get(), snapshots.resolve(name));
      }
      classpathJars.add(name);
      if (jar.snapshot()) {
        continue;
      }
      if (reactor) {
        // Rebuilt from the reactor's sources: kept out of the layers of jars from repositories.
        reactorJars.add(linked);
      } else {
        releaseJars.putIfAbsent(jar.coordinate(), source.get().content().size());
        releaseLinks.putIfAbsent(jar.coordinate(), linked);
      }
    }
    planGroups(releaseJars, releaseLinks, reactorJars);
  }

  /**
   * A source read for placing, its target still unknown: its own attributes and its content's
   * (their mode too where the file system has modes); empty when it is gone.
   */
  private static Optional<Placement> source(Path file) throws IOException {
    Class<? extends BasicFileAttributes> kind =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                == null
            ? BasicFileAttributes.class
            : PosixFileAttributes.class;
    try {
      BasicFileAttributes own = Files.readAttributes(file, kind, LinkOption.NOFOLLOW_LINKS);
      BasicFileAttributes content = own.isSymbolicLink() ? Files.readAttributes(file, kind) : own;
      return Optional.of(new Placement(null, file, own, content));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Plans a jar into the layout, remembering where it came from; the jar in the layout. */
  private Path placeFrom(Placement source, Path linked) {
    plan(source, linked);
    origins.put(realPath(linked), source.source().toAbsolutePath());
    return linked;
  }

  private void plan(Placement source, Path target) {
    Placement placement = new Placement(target, source.source(), source.own(), source.content());
    placements.add(placement);
    placed.put(target, placement);
  }

  /**
   * The real path of a file in the layout: the layout's own real path and the file's place in it,
   * for the layout holds no symbolic links.
   */
  private Path realPath(Path laidOut) {
    return appRealPath.resolve(appDir.relativize(laidOut).toString());
  }

  /** The module's classes and resources, each in its folder; resources also split by stability. */
  private void planOutputDirectory(Path classes, Path resources) throws IOException {
    Path output = module.outputDirectory();
    if (!Files.isDirectory(output)) {
      return;
    }
    Files.walkFileTree(
        output,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Placement source =
                source(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
            planOutputFile(output.relativize(file), source, classes, resources);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void planOutputFile(Path relative, Placement source, Path classes, Path resources) {
    boolean isClass = source.source().getFileName().toString().endsWith(".class");
    plan(source, (isClass ? classes : resources).resolve(relative.toString()));
    if (!isClass) {
      // Generated Dockerfiles keep files that change on every build in a last layer.
      String unix = relative.toString().replace('\\', '/');
      Path split =
          appDir
              .resolve(VOLATILE_RESOURCES.contains(unix) ? VOLATILE : STABLE_RESOURCES)
              .resolve(relative.toString());
      plan(source, split);
    }
  }

  /**
   * Where each laid-out jar came from (the local repository or a reactor module's target/), by the
   * real path of its link: the same file seen from every module, so a layer of jars that several
   * modules share is compressed once.
   */
  public Map<Path, Path> origins() {
    return Map.copyOf(origins);
  }

  /** The jar file names in Maven's classpath order. */
  public List<String> classpathJars() {
    return List.copyOf(classpathJars);
  }

  /** The context-relative folder of resources that are the same build after build. */
  public String stableResources() {
    return contextRelative(appDir.resolve(STABLE_RESOURCES));
  }

  /** The context-relative folder of resources rewritten by every build. */
  public String volatileResources() {
    return contextRelative(appDir.resolve(VOLATILE));
  }

  /** The context-relative folders of release jars by family, one layer each, in order. */
  public List<String> libraryLayers() {
    return List.copyOf(libraryLayers);
  }

  private void planGroups(
      Map<String, Long> releaseJars, Map<String, Path> releaseLinks, List<Path> reactorJars) {
    Path layers = appDir.resolve(LAYERS);
    for (JarGroups.Group group : JarGroups.plan(releaseJars, membership::membersOf, module.id())) {
      List<Path> jars = group.jars().stream().map(releaseLinks::get).toList();
      libraryLayers.add(planAll(jars, layers.resolve(group.name())));
    }
    if (!reactorJars.isEmpty()) {
      libraryLayers.add(planAll(reactorJars, layers.resolve(REACTOR)));
    }
  }

  /** Plans these files of the layout into one folder as well; the folder, context-relative. */
  private String planAll(List<Path> jars, Path folder) {
    for (Path jar : jars) {
      placeFrom(placed.get(jar), folder.resolve(jar.getFileName().toString()));
    }
    return contextRelative(folder);
  }

  /** True when the folder holds at least one file. */
  public static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.walk(folder)) {
      return files.anyMatch(Files::isRegularFile);
    }
  }

  String contextRelative(Path folder) {
    return module.basedir().relativize(folder).toString().replace('\\', '/');
  }

  private static boolean isJar(Path file) {
    return file.getFileName().toString().endsWith(".jar");
  }
}
