package dev.dockyard.maven;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.FileUtils;

/**
 * Lays out the application files a Dockerfile copies, under {@code target/dockyard/app}: release
 * dependency jars, snapshot jars, resources and classes, each in its own folder so each becomes its
 * own layer, the most stable first. Files are hard-linked where the file system allows it.
 */
final class ApplicationLayout {

  static final String LIBS = "libs";
  static final String SNAPSHOT_LIBS = "snapshot-libs";
  static final String RESOURCES = "resources";
  static final String CLASSES = "classes";
  static final String LAYERS = "layers";
  static final String MISC_FAMILY = "misc";
  static final long SMALL_FAMILY = 1_000_000;

  private final MavenProject project;
  private final Path appDir;
  private final List<String> libraryLayers = new ArrayList<>();

  ApplicationLayout(MavenProject project, Path workDir) {
    this.project = project;
    this.appDir = workDir.resolve("app");
  }

  /** The context-relative folders, by placeholder name, after laying them out. */
  Map<String, String> layOut() throws IOException {
    if (Files.exists(appDir)) {
      FileUtils.deleteDirectory(appDir.toFile());
    }
    Path libs = Files.createDirectories(appDir.resolve(LIBS));
    Path snapshots = Files.createDirectories(appDir.resolve(SNAPSHOT_LIBS));
    Path resources = Files.createDirectories(appDir.resolve(RESOURCES));
    Path classes = Files.createDirectories(appDir.resolve(CLASSES));

    Set<String> names = new HashSet<>();
    Map<String, List<Path>> families = new TreeMap<>();
    for (Artifact artifact : runtimeArtifacts()) {
      Path file = artifact.getFile().toPath();
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String name = artifact.getArtifactId() + "-" + artifact.getVersion();
      if (artifact.getClassifier() != null && !artifact.getClassifier().isEmpty()) {
        name += "-" + artifact.getClassifier();
      }
      name += "." + (artifact.getType().equals("test-jar") ? "jar" : extension(file));
      if (!names.add(name)) {
        // Two artifacts with one artifactId and version: keep both, told apart by group.
        name = artifact.getGroupId() + "-" + name;
        names.add(name);
      }
      Path linked = (artifact.isSnapshot() ? snapshots : libs).resolve(name);
      link(file, linked);
      if (!artifact.isSnapshot()) {
        families.computeIfAbsent(family(artifact.getGroupId()), f -> new ArrayList<>()).add(linked);
      }
    }
    layOutFamilies(families);

    Path output = Path.of(project.getBuild().getOutputDirectory());
    if (Files.isDirectory(output)) {
      Files.walkFileTree(
          output,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path relative = output.relativize(file);
              Path target =
                  (file.getFileName().toString().endsWith(".class") ? classes : resources)
                      .resolve(relative.toString());
              Files.createDirectories(target.getParent());
              link(file, target);
              return FileVisitResult.CONTINUE;
            }
          });
    }

    Map<String, String> folders = new LinkedHashMap<>();
    folders.put("dockyard.libs", contextRelative(libs));
    folders.put("dockyard.snapshotLibs", contextRelative(snapshots));
    folders.put("dockyard.resources", contextRelative(resources));
    folders.put("dockyard.classes", contextRelative(classes));
    return folders;
  }

  /** The context-relative folders of release jars by family, one layer each, in order. */
  List<String> libraryLayers() {
    return List.copyOf(libraryLayers);
  }

  private void layOutFamilies(Map<String, List<Path>> families) throws IOException {
    Path layers = Files.createDirectories(appDir.resolve(LAYERS));
    List<Path> misc = new ArrayList<>();
    for (Map.Entry<String, List<Path>> family : families.entrySet()) {
      long size = 0;
      for (Path jar : family.getValue()) {
        size += Files.size(jar);
      }
      if (size < SMALL_FAMILY) {
        misc.addAll(family.getValue());
        continue;
      }
      libraryLayers.add(linkAll(family.getValue(), layers.resolve(family.getKey())));
    }
    if (!misc.isEmpty()) {
      libraryLayers.add(linkAll(misc, layers.resolve(MISC_FAMILY)));
    }
  }

  private String linkAll(List<Path> jars, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Path jar : jars) {
      link(jar, folder.resolve(jar.getFileName().toString()));
    }
    return contextRelative(folder);
  }

  /** The first two parts of a groupId: {@code org.springframework.boot} -> org.springframework. */
  static String family(String groupId) {
    String[] parts = groupId.split("\\.");
    String family = parts.length < 2 ? groupId : parts[0] + "." + parts[1];
    return family.equals(MISC_FAMILY) ? family + "_" : family;
  }

  /** True when the folder holds at least one file. */
  static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.walk(folder)) {
      return files.anyMatch(Files::isRegularFile);
    }
  }

  Path appDir() {
    return appDir;
  }

  private List<Artifact> runtimeArtifacts() {
    return project.getArtifacts().stream()
        .filter(
            artifact ->
                Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(artifact.getScope())
                    || Artifact.SCOPE_SYSTEM.equals(artifact.getScope()))
        .filter(artifact -> artifact.getFile() != null)
        .sorted(
            (a, b) ->
                (a.getGroupId() + ":" + a.getArtifactId())
                    .compareTo(b.getGroupId() + ":" + b.getArtifactId()))
        .toList();
  }

  String contextRelative(Path folder) {
    return project.getBasedir().toPath().relativize(folder).toString().replace('\\', '/');
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "jar" : name.substring(dot + 1);
  }

  private static void link(Path source, Path target) throws IOException {
    try {
      Files.createLink(target, source);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }
}
