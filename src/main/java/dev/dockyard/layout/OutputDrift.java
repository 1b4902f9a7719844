package dev.dockyard.layout;

import dev.dockyard.files.Sha256;
import dev.dockyard.files.WholeFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the resources a build rewrites with other content though their sources did not change: a
 * file filtered with {@code ${maven.build.timestamp}}, say. Such a file gives the image a new
 * digest on every build, and nothing else in the build tells why.
 *
 * <p>Each build records, per output resource, the hash of its content and of its source (unless the
 * record holds just that already); the next build compares. A file whose size and modification time
 * are as recorded is not read again. A resource without a source (generated) is recorded but never
 * reported: it is not the user's file. Class files are left out: compilers are deterministic.
 */
public final class OutputDrift {

  /** One resource that changed while its source did not. */
  public record Drift(String output, String source) {}

  private final Path record;

  /**
   * @param record the file that keeps this module's hashes from one build to the next
   */
  public OutputDrift(Path record) {
    this.record = record;
  }

  /**
   * Compares this build's resources with the last build's, records this build's, and returns the
   * resources that drifted, in path order.
   *
   * @param outputs each resource of this build, by its path below the output folder
   * @param sources the source of a resource, by that path, when it has one
   */
  public List<Drift> check(Map<String, Path> outputs, Map<String, Path> sources)
      throws IOException {
    Properties previous = load();
    Properties current = new Properties();
    List<Drift> drifts = new ArrayList<>();
    for (Map.Entry<String, Path> output : new TreeMap<>(outputs).entrySet()) {
      String name = output.getKey();
      Path source = sources.get(name);
      String[] before = previous.getProperty(name, "- - - -").split(" ");
      if (before.length != 4) {
        before = new String[] {"-", "-", "-", "-"};
      }
      String outputStamp = stamp(output.getValue());
      String outputHash = outputStamp.equals(before[0]) ? before[1] : Sha256.of(output.getValue());
      String sourceStamp = source == null ? "-" : stamp(source);
      String sourceHash =
          source == null ? "-" : sourceStamp.equals(before[2]) ? before[3] : Sha256.of(source);
      current.setProperty(name, String.join(" ", outputStamp, outputHash, sourceStamp, sourceHash));
      if (source != null
          && !before[1].equals("-")
          && before[3].equals(sourceHash)
          && !before[1].equals(outputHash)) {
        drifts.add(new Drift(name, source.toString()));
      }
    }
    if (!current.equals(previous)) {
      save(current);
    }
    return drifts;
  }

  /** Size and modification time: a file with the same stamp is not read again. */
  private static String stamp(Path file) throws IOException {
    return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
  }

  /**
   * Every regular file below {@code folder} that is not a class file, by its {@code /}-separated
   * path below it; empty when the folder does not exist.
   */
  public static Map<String, Path> resourcesBelow(Path folder) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().endsWith(".class"))
          .forEach(file -> files.put(folder.relativize(file).toString().replace('\\', '/'), file));
    }
    return files;
  }

  /** The source of each resource: the first of {@code folders} that holds a file of that path. */
  public static Map<String, Path> sourcesIn(List<Path> folders, Iterable<String> names) {
    Map<String, Path> sources = new TreeMap<>();
    for (String name : names) {
      folders.stream()
          .map(folder -> folder.resolve(name))
          .filter(Files::isRegularFile)
          .findFirst()
          .ifPresent(source -> sources.put(name, source));
    }
    return sources;
  }

  private Properties load() throws IOException {
    Properties properties = new Properties();
    if (Files.isRegularFile(record)) {
      try (InputStream in = Files.newInputStream(record)) {
        properties.load(in);
      } catch (IllegalArgumentException e) {
        // A damaged record: start again, as on the first build.
        return new Properties();
      }
    }
    return properties;
  }

  private void save(Properties properties) throws IOException {
    WholeFile.replace(record, out -> properties.store(out, null));
  }

  /** The record's name for a module: a hash of where it lives, so checkouts don't share one. */
  public static String recordName(Path moduleDirectory) {
    return sha256Of(moduleDirectory.toAbsolutePath().normalize().toString()).substring(0, 32)
        + ".properties";
  }

  private static String sha256Of(String text) {
    return HexFormat.of().formatHex(Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
