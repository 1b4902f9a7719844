package dev.dockyard.maven;

import dev.dockyard.select.MainClassDetector;
import dev.dockyard.select.ModuleCandidate;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Looks at a reactor module, before anything is compiled, the way {@code docs/contract.md} decides
 * which modules become images: its own Dockerfile, a declared main class, or exactly one {@code
 * main} method in its sources.
 */
final class ModuleInspector {

  static final String PLUGIN_KEY = "dev.dockyard:dockyard-maven-plugin";

  private final Path reactorRoot;
  private final Properties userProperties;

  /**
   * @param userProperties the session's user properties, for {@code -Ddockyard.dockerfile}
   */
  ModuleInspector(Path reactorRoot, Properties userProperties) {
    this.reactorRoot = reactorRoot;
    this.userProperties = userProperties;
  }

  ModuleCandidate inspect(MavenProject project) {
    Optional<MainClassSource> mainClass = mainClass(project);
    return new ModuleCandidate(
        project.getArtifactId(),
        relativePath(project),
        project.getPackaging(),
        ownDockerfile(project).map(path -> relative(project, path)),
        mainClass.map(MainClassSource::mainClass),
        mainClass.map(MainClassSource::source).orElse(""));
  }

  /**
   * The Dockerfile {@code -Ddockyard.dockerfile} names in this module, whether it exists or not.
   */
  Optional<Path> dockerfileProperty(MavenProject project) {
    return ModuleConfig.fileProperty(userProperties, project, "dockerfile").map(File::toPath);
  }

  /**
   * The module's own Dockerfile, in lookup order: the file {@code -Ddockyard.dockerfile} names when
   * the module has it (so that a library without it stays a library), {@code <dockerfile>} in its
   * own POM, then files.
   */
  Optional<Path> ownDockerfile(MavenProject project) {
    Optional<Path> property = dockerfileProperty(project).filter(Files::isRegularFile);
    if (property.isPresent()) {
      return property;
    }
    Optional<String> configured = ownConfiguration(project, "dockerfile");
    if (configured.isPresent()) {
      File file = new File(configured.get());
      return Optional.of(
          file.isAbsolute() ? file.toPath() : project.getBasedir().toPath().resolve(file.toPath()));
    }
    Path docker = project.getBasedir().toPath().resolve("src/main/docker/Dockerfile");
    if (Files.isRegularFile(docker)) {
      return Optional.of(docker);
    }
    Path beside = project.getBasedir().toPath().resolve("Dockerfile");
    if (Files.isRegularFile(beside)) {
      return Optional.of(beside);
    }
    return Optional.empty();
  }

  /** Where a module's main class was declared or found. */
  record MainClassSource(String mainClass, String source) {}

  Optional<MainClassSource> mainClass(MavenProject project) {
    Optional<String> own = ownConfiguration(project, "mainClass");
    if (own.isPresent()) {
      return Optional.of(new MainClassSource(own.get(), "<mainClass>"));
    }
    Optional<String> bootPlugin =
        pluginConfiguration(
            project, "org.springframework.boot:spring-boot-maven-plugin", "mainClass");
    if (bootPlugin.isPresent()) {
      return Optional.of(new MainClassSource(bootPlugin.get(), "Spring Boot plugin <mainClass>"));
    }
    String startClass = project.getProperties().getProperty("start-class");
    if (isLiteral(startClass)) {
      return Optional.of(new MainClassSource(startClass, "Spring Boot start-class"));
    }
    Optional<String> manifest =
        pluginConfiguration(
            project,
            "org.apache.maven.plugins:maven-jar-plugin",
            "archive",
            "manifest",
            "mainClass");
    if (manifest.isPresent()) {
      return Optional.of(new MainClassSource(manifest.get(), "jar manifest mainClass"));
    }
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      roots.add(Path.of(root));
    }
    MainClassDetector.Result detected = MainClassDetector.fromSources(roots);
    return detected
        .single()
        .map(found -> new MainClassSource(found, detected.describe(project.getBasedir().toPath())));
  }

  /** Several main methods in the sources, for the error that asks for {@code <mainClass>}. */
  List<String> mainClassesInSources(MavenProject project) {
    List<Path> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      roots.add(Path.of(root));
    }
    return MainClassDetector.fromSources(roots).all();
  }

  /** A value of this plugin's configuration written in the module's own POM, not inherited. */
  static Optional<String> ownConfiguration(MavenProject project, String name) {
    if (project.getOriginalModel().getBuild() == null) {
      return Optional.empty();
    }
    for (Plugin plugin : project.getOriginalModel().getBuild().getPlugins()) {
      if (plugin.getKey().equals(PLUGIN_KEY) && plugin.getConfiguration() instanceof Xpp3Dom dom) {
        Xpp3Dom child = dom.getChild(name);
        if (child != null && isLiteral(child.getValue())) {
          return Optional.of(interpolated(project, child.getValue().trim()));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> pluginConfiguration(
      MavenProject project, String pluginKey, String... path) {
    Plugin plugin = project.getPlugin(pluginKey);
    if (plugin == null || !(plugin.getConfiguration() instanceof Xpp3Dom dom)) {
      return Optional.empty();
    }
    Xpp3Dom node = dom;
    for (String name : path) {
      node = node.getChild(name);
      if (node == null) {
        return Optional.empty();
      }
    }
    String value = node.getValue();
    return isLiteral(value) ? Optional.of(value.trim()) : Optional.empty();
  }

  /** False for empty values and for unresolved expressions such as {@code ${start-class}}. */
  private static boolean isLiteral(String value) {
    return value != null && !value.isBlank() && !value.contains("${");
  }

  private static String interpolated(MavenProject project, String value) {
    return value
        .replace("${project.basedir}", project.getBasedir().getPath())
        .replace("${basedir}", project.getBasedir().getPath());
  }

  String relativePath(MavenProject project) {
    Path relative = reactorRoot.relativize(project.getBasedir().toPath().toAbsolutePath());
    String text = relative.toString().replace(File.separatorChar, '/');
    return text.isEmpty() ? "." : text;
  }

  private static String relative(MavenProject project, Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(base)
        ? base.relativize(absolute).toString().replace(File.separatorChar, '/')
        : absolute.toString();
  }
}
