package dev.dockyard.layout;

import dev.dockyard.files.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which image modules of the reactor use each release jar: resolved once per reactor for every
 * image module, whether selected by {@code -Ddockyard.modules} or not, so that a selective build
 * lays out the very same layers as a build of all modules. Kept in a sealed file (see {@link
 * SealedLines}) named by a digest of what resolution depends on.
 */
public final class JarMembership {

  /** Where the membership tells what it does with its cache file: the build's log. */
  public interface CacheLog {

    void debug(String message);

    void warn(String message);
  }

  /**
   * The jars resolution gave one image module.
   *
   * @param moduleId Maven's id of the image module
   * @param boot true when built with Spring Boot's plugin: what Boot leaves out is not used
   * @param jars its runtime dependencies, files resolved or not
   */
  public record Resolved(String moduleId, boolean boot, List<DependencyJar> jars) {}

  /** The first line of what the cache file's name digests: a new format, a new name. */
  static final String KEY_FORMAT = "membership 2";

  private final Map<String, SortedSet<String>> members;
  private final Set<String> reactorModules;

  private JarMembership(Map<String, SortedSet<String>> members, Set<String> reactorModules) {
    this.members = members;
    this.reactorModules = reactorModules;
  }

  /**
   * The membership read from {@code cache} when the reactor's declared dependencies are the very
   * ones of an earlier build (resolution then gives the same jars), else resolved and kept there.
   * Reactors that declare SNAPSHOT or range versions from outside the reactor are always resolved:
   * what those name can change without the POMs changing.
   *
   * @param reactor every module of the reactor, in the reactor's order
   * @param imageModules the ids of the image modules
   * @param resolve resolves the jars of every image module
   */
  public static JarMembership cached(
      List<ReactorModule> reactor,
      Collection<String> imageModules,
      Path cache,
      Supplier<List<Resolved>> resolve,
      CacheLog log) {
    Set<String> reactorModules = reactorModules(reactor);
    Optional<String> key = key(imageModules, reactor);
    Path file = key.map(k -> cache.resolve(k + ".tsv")).orElse(null);
    if (file != null && Files.isRegularFile(file)) {
      try {
        Optional<List<String>> sealed = SealedLines.read(file);
        if (sealed.isPresent()) {
          Map<String, SortedSet<String>> members = parse(sealed.get());
          log.debug("Jar membership of the reactor read from " + file);
          return new JarMembership(members, reactorModules);
        }
        log.warn(
            "Jar membership cache "
                + file
                + " is damaged (cut short or changed, its seal fails): not trusted, resolved"
                + " again and rewritten");
      } catch (IOException e) {
        log.debug("Jar membership cache unreadable, resolving again: " + e);
      }
    }
    JarMembership resolved = of(reactorModules, resolve.get());
    if (file != null) {
      resolved.keep(file, log);
    }
    return resolved;
  }

  /**
   * The membership of these resolved image modules: each jar's coordinate, with the ids of the
   * modules that run with it; for a Spring Boot module, not what Boot leaves out.
   *
   * @param reactorModules the {@code groupId:artifactId} of every module of the reactor
   */
  public static JarMembership of(Set<String> reactorModules, List<Resolved> resolved) {
    Map<String, SortedSet<String>> members = new HashMap<>();
    for (Resolved module : resolved) {
      for (DependencyJar jar : module.jars()) {
        if (module.boot() && RuntimeClasspath.leftOutByBoot(jar)) {
          continue;
        }
        members.computeIfAbsent(jar.coordinate(), c -> new TreeSet<>()).add(module.moduleId());
      }
    }
    members.replaceAll((c, users) -> Collections.unmodifiableSortedSet(users));
    return new JarMembership(Map.copyOf(members), Set.copyOf(reactorModules));
  }

  /** The {@code groupId:artifactId} of every module of the reactor. */
  public static Set<String> reactorModules(List<ReactorModule> reactor) {
    return reactor.stream().map(ReactorModule::key).collect(Collectors.toUnmodifiableSet());
  }

  /** The image modules that use this jar; empty when none was found to. */
  public SortedSet<String> membersOf(String coordinate) {
    return members.getOrDefault(coordinate, Collections.emptySortedSet());
  }

  /** True for a dependency that a module of this reactor builds. */
  public boolean isReactorModule(DependencyJar jar) {
    return reactorModules.contains(jar.key());
  }

  /** One line per jar, by coordinate: the coordinate, a tab, its users separated by commas. */
  private void keep(Path file, CacheLog log) {
    List<String> lines = new ArrayList<>();
    new TreeMap<>(members).forEach((jar, users) -> lines.add(jar + "\t" + String.join(",", users)));
    try {
      log.debug("Writing the jar membership cache " + file);
      SealedLines.write(file, lines);
    } catch (IOException e) {
      log.debug("Jar membership not cached: " + e);
    }
  }

  private static Map<String, SortedSet<String>> parse(List<String> lines) {
    Map<String, SortedSet<String>> members = new HashMap<>();
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        members.put(
            line.substring(0, tab),
            Collections.unmodifiableSortedSet(
                new TreeSet<>(Arrays.asList(line.substring(tab + 1).split(",")))));
      }
    }
    return Map.copyOf(members);
  }

  /**
   * What resolution depends on, digested: every module's declared and managed dependencies with
   * their exclusions, which modules are images and which are built with Spring Boot. Empty when an
   * outside dependency is a SNAPSHOT or a version range.
   */
  static Optional<String> key(Collection<String> imageModules, List<ReactorModule> reactor) {
    Set<String> inReactor = reactorModules(reactor);
    StringBuilder text = new StringBuilder(KEY_FORMAT + "\n");
    text.append(new TreeSet<>(imageModules)).append('\n');
    for (ReactorModule module : reactor) {
      text.append(module.id()).append(module.boot() ? " boot" : "").append('\n');
      for (ReactorModule.Declared d : module.declared()) {
        String version = String.valueOf(d.version());
        boolean outside = !inReactor.contains(d.groupId() + ":" + d.artifactId());
        if (outside && changesWithoutThePom(version)) {
          return Optional.empty();
        }
        text.append(' ')
            .append(d.managementKey())
            .append(':')
            .append(version)
            .append(':')
            .append(d.scope())
            .append(':')
            .append(d.optional());
        d.exclusions().forEach(x -> text.append(" !").append(x));
        text.append('\n');
      }
    }
    byte[] digest = Sha256.digest().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return Optional.of(HexFormat.of().formatHex(digest));
  }

  /** A SNAPSHOT or a version range: what it names can change while the POM does not. */
  private static boolean changesWithoutThePom(String version) {
    return version.endsWith("-SNAPSHOT") || version.startsWith("[") || version.startsWith("(");
  }
}
