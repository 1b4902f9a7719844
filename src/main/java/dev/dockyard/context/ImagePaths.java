package dev.dockyard.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code target/dockyard/image-paths.txt}: every path the Dockerfile's COPY steps put in the image,
 * {@code file} or {@code directory} (their parent folders count as directories). The release bundle
 * reads it to refuse a bind mount of a folder where the image has a file, or the reverse.
 */
public final class ImagePaths {

  public static final String FILE = "image-paths.txt";

  private ImagePaths() {}

  /** Writes the paths of the planned layers. */
  public static void write(Path workDir, List<List<PlannedFile>> layers) throws IOException {
    Map<String, String> kinds = new TreeMap<>();
    for (List<PlannedFile> layer : layers) {
      for (PlannedFile file : layer) {
        String path = file.containerPath();
        kinds.put(path, file.directory() ? "directory" : "file");
        for (int slash = path.lastIndexOf('/');
            slash > 0;
            slash = path.lastIndexOf('/', slash - 1)) {
          kinds.put(path.substring(0, slash), "directory");
        }
      }
    }
    StringBuilder text = new StringBuilder();
    kinds.forEach((path, kind) -> text.append(kind).append('\t').append(path).append('\n'));
    Files.createDirectories(workDir);
    Files.writeString(workDir.resolve(FILE), text, StandardCharsets.UTF_8);
  }

  /** The paths a build wrote, empty when it wrote none (a Docker engine build). */
  public static Map<String, String> read(Path workDir) {
    Map<String, String> kinds = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(workDir.resolve(FILE), StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          kinds.put(line.substring(tab + 1), line.substring(0, tab));
        }
      }
    } catch (IOException e) {
      // No listing: the paths are not checked.
    }
    return kinds;
  }
}
