package dev.dockyard.layout;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The context-relative folders, by placeholder name, after laying them out. */
  public Map<String, String> layOut() throws IOException {
    if (Files.exists(appDir)) {
      FileUtils.deleteDirectory(appDir.toFile());
    }
    Path libs = Files.createDirectories(appDir.resolve(LIBS));
    Path snapshots = Files.createDirectories(appDir.resolve(SNAPSHOT_LIBS));
    Path resources = Files.createDirectories(appDir.resolve(RESOURCES));
    Path classes = Files.createDirectories(appDir.resolve(CLASSES));
    Files.createDirectories(appDir.resolve(STABLE_RESOURCES));
    Files.createDirectories(appDir.resolve(VOLATILE));

    layOutJars(libs, snapshots);
    layOutOutputDirectory(classes, resources);

    StagedFiles.normalizeFolders(appDir);
    Map<String, String> folders = new LinkedHashMap<>();
    folders.put("dockyard.libs", contextRelative(libs));
    folders.put("dockyard.snapshotLibs", contextRelative(snapshots));
    folders.put("dockyard.resources", contextRelative(resources));
    folders.put("dockyard.classes", contextRelative(classes));
    return folders;
  }

  /**
   * Every runtime jar under {@code libs}, the SNAPSHOT ones again under {@code snapshot-libs}, and
   * the release jars in layers by family, the reactor's own in a layer of their own.
   */
  private void layOutJars(Path libs, Path snapshots) throws IOException {
    Set<String> names = new HashSet<>();
    Map<String, Long> releaseJars = new LinkedHashMap<>();
    Map<String, Path> releaseLinks = new HashMap<>();
    List<Path> reactorJars = new ArrayList<>();
    for (DependencyJar jar : RuntimeClasspath.of(module.dependencies(), module.boot())) {
      Path file = jar.file();
      if (!Files.isRegularFile(file)) {
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
        file = ReactorJar.normalized(file, name, reactorJarCache);
      }
      // ${dockyard.libs} holds every runtime jar; SNAPSHOTs also get a folder of their own.
      Path linked = linkFrom(file, libs.resolve(name));
      if (jar.snapshot()) {
        linkFrom(file, snapshots.resolve(name));
      }
      classpathJars.add(name);
      if (jar.snapshot()) {
        continue;
      }
      if (reactor) {
        // Rebuilt from the reactor's sources: kept out of the layers of jars from repositories.
        reactorJars.add(linked);
      } else {
        releaseJars.putIfAbsent(jar.coordinate(), Files.size(file));
        releaseLinks.putIfAbsent(jar.coordinate(), linked);
      }
    }
    layOutGroups(releaseJars, releaseLinks, reactorJars);
  }

  /** Links a file into the layout, remembering where it came from; the link. */
  private Path linkFrom(Path file, Path linked) throws IOException {
    StagedFiles.place(file, linked);
    origins.put(linked.toRealPath(), file.toAbsolutePath());
    return linked;
  }

  /** The module's classes and resources, each in its folder; resources also split by stability. */
  private void layOutOutputDirectory(Path classes, Path resources) throws IOException {
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
            placeOutputFile(output.relativize(file), file, classes, resources);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void placeOutputFile(Path relative, Path file, Path classes, Path resources)
      throws IOException {
    boolean isClass = file.getFileName().toString().endsWith(".class");
    Path target = (isClass ? classes : resources).resolve(relative.toString());
    Files.createDirectories(target.getParent());
    StagedFiles.place(file, target);
    if (!isClass) {
      // Generated Dockerfiles keep files that change on every build in a last layer.
      String unix = relative.toString().replace('\\', '/');
      Path split =
          appDir
              .resolve(VOLATILE_RESOURCES.contains(unix) ? VOLATILE : STABLE_RESOURCES)
              .resolve(relative.toString());
      Files.createDirectories(split.getParent());
      StagedFiles.place(file, split);
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

  private void layOutGroups(
      Map<String, Long> releaseJars, Map<String, Path> releaseLinks, List<Path> reactorJars)
      throws IOException {
    Path layers = Files.createDirectories(appDir.resolve(LAYERS));
    for (JarGroups.Group group : JarGroups.plan(releaseJars, membership::membersOf, module.id())) {
      List<Path> jars = group.jars().stream().map(releaseLinks::get).toList();
      libraryLayers.add(linkAll(jars, layers.resolve(group.name())));
    }
    if (!reactorJars.isEmpty()) {
      libraryLayers.add(linkAll(reactorJars, layers.resolve(REACTOR)));
    }
  }

  private String linkAll(List<Path> jars, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Path jar : jars) {
      Path linked = folder.resolve(jar.getFileName().toString());
      StagedFiles.place(jar, linked);
      origins.put(linked.toRealPath(), origins.get(jar.toRealPath()));
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
