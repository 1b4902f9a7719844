package dev.dockyard.engine.jib;

import dev.dockyard.context.ImageTree;
import dev.dockyard.files.WholeFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directories, symlinks and whiteouts of base image layers, one file per layer digest, so a
 * layer is downloaded for its file tree once per machine. A file is written whole to a temporary
 * name and moved into place, and ends with its entry count: one cut short (a killed build, a full
 * disk) does not end so, is not trusted, and is written again.
 */
final class LayerTreeCache {

  private static final String HEADER = "dockyard layer tree 1";
  private static final String END = "end\t";

  private final Path dir;

  LayerTreeCache(Path dir) {
    this.dir = dir;
  }

  /** The entries recorded for the layer, empty when none are or the record is not whole. */
  Optional<List<ImageTree.Entry>> find(String digest) {
    Path file = fileOf(digest);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(in.readLine())) {
        return Optional.empty();
      }
      List<ImageTree.Entry> entries = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(END)) {
          boolean whole = line.equals(END + entries.size()) && in.readLine() == null;
          return whole ? Optional.of(entries) : Optional.empty();
        }
        entries.add(parse(line));
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Records the layer's entries; a failure to write leaves no record behind. */
  void keep(String digest, List<ImageTree.Entry> entries) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    entries.forEach(entry -> lines.add(format(entry)));
    lines.add(END + entries.size());
    WholeFile.replace(fileOf(digest), lines);
  }

  private Path fileOf(String digest) {
    return dir.resolve(digest.replace(':', '-') + ".tree");
  }

  static String format(ImageTree.Entry entry) {
    ImageTree.Node node = entry.node();
    String path = escape(entry.path());
    if (node == null) {
      return "w\t" + path;
    }
    String fields =
        Integer.toOctalString(node.mode()) + "\t" + node.uid() + "\t" + node.gid() + "\t" + path;
    return node.kind() == ImageTree.Kind.DIRECTORY
        ? "d\t" + fields
        : "l\t" + fields + "\t" + escape(node.link());
  }

  static ImageTree.Entry parse(String line) {
    String[] fields = line.split("\t", -1);
    if (fields[0].equals("w") && fields.length == 2) {
      return ImageTree.Entry.whiteout(unescape(fields[1]));
    }
    boolean directory = fields[0].equals("d") && fields.length == 5;
    if (!directory && !(fields[0].equals("l") && fields.length == 6)) {
      throw new IllegalArgumentException("not a layer tree line: " + line);
    }
    ImageTree.Node node =
        new ImageTree.Node(
            directory ? ImageTree.Kind.DIRECTORY : ImageTree.Kind.SYMLINK,
            Integer.parseInt(fields[1], 8),
            Integer.parseInt(fields[2]),
            Integer.parseInt(fields[3]),
            directory ? null : unescape(fields[5]));
    return new ImageTree.Entry(unescape(fields[4]), node);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
