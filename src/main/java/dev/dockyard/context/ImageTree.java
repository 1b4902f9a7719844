package dev.dockyard.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The directories and symlinks of an image as a COPY step meets them: the base image's layers,
 * lowest first, whiteouts honoured, then what earlier steps of the Dockerfile put in. Docker copies
 * a file into a destination that is a directory there, follows its symlinks, and leaves the mode
 * and owner of a directory that is already there alone; the planner asks this tree.
 */
public final class ImageTree {

  /** The most symlinks one path may pass through, as Linux allows. */
  private static final int MAX_LINKS = 255;

  private static final String OPAQUE = ".wh..wh..opq";
  private static final String WHITEOUT = ".wh.";

  /** What a path is. */
  public enum Kind {
    DIRECTORY,
    SYMLINK
  }

  /**
   * One directory or symlink, or (in a layer) a whiteout.
   *
   * @param mode the permission bits, with setuid, setgid and sticky
   * @param link the link's target, null for a directory
   */
  public record Node(Kind kind, int mode, int uid, int gid, String link) {}

  /**
   * One entry of a layer's tar, as the tree keeps it.
   *
   * @param path the entry's name, relative or absolute ({@code ./} and {@code /} are dropped)
   */
  public record Entry(String path, Node node) {

    /** A whiteout or opaque marker: a file entry the tree keeps only to delete what it names. */
    public static Entry whiteout(String path) {
      return new Entry(path, null);
    }

    public boolean isWhiteout() {
      return node == null;
    }
  }

  private final TreeMap<String, Node> nodes = new TreeMap<>();

  /** The tree of {@code scratch}: nothing but the root. */
  public ImageTree() {}

  /** A tree of its own with the nodes of {@code tree}, which it leaves as it is. */
  public ImageTree(ImageTree tree) {
    nodes.putAll(tree.nodes);
  }

  /** Whether an entry of a layer is one the tree keeps: a directory, a symlink or a whiteout. */
  public static boolean keeps(String name, boolean directory, boolean symlink) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return directory || symlink || base.startsWith(WHITEOUT);
  }

  /**
   * Lays one layer over the tree: its whiteouts remove what lower layers hold, then its entries.
   */
  public void apply(List<Entry> layer) {
    List<Entry> added = new ArrayList<>();
    for (Entry entry : layer) {
      String path = absolute(entry.path());
      String name = path.substring(path.lastIndexOf('/') + 1);
      String parent = parent(path);
      if (name.equals(OPAQUE)) {
        removeBelow(parent);
      } else if (name.startsWith(WHITEOUT)) {
        String gone = child(parent, name.substring(WHITEOUT.length()));
        nodes.remove(gone);
        removeBelow(gone);
      } else if (!entry.isWhiteout()) {
        added.add(new Entry(path, entry.node()));
      }
    }
    for (Entry entry : added) {
      put(entry.path(), entry.node());
    }
  }

  /** Records what a COPY step put into the image, for the steps after it. */
  public void add(List<PlannedFile> files) {
    for (PlannedFile file : files) {
      String path = absolute(file.containerPath());
      if (!file.directory() && !file.isLink()) {
        // a file replaces a directory or link of that name
        nodes.remove(path);
        removeBelow(path);
        impliedParents(path);
        continue;
      }
      int uid = 0;
      int gid = 0;
      if (file.ownership() != null) {
        String[] ids = file.ownership().split(":");
        uid = Integer.parseInt(ids[0]);
        gid = Integer.parseInt(ids.length > 1 ? ids[1] : ids[0]);
      }
      put(
          path,
          file.isLink()
              ? new Node(Kind.SYMLINK, file.mode(), uid, gid, file.link())
              : new Node(Kind.DIRECTORY, file.mode(), uid, gid, null));
    }
  }

  /** The node at an absolute path, without following a symlink at its end. */
  public Optional<Node> find(String path) {
    return Optional.ofNullable(nodes.get(absolute(path)));
  }

  /** Whether the path, its symlinks followed, is a directory of the image ({@code /} is). */
  public boolean isDirectory(String path) {
    String real = resolve(path);
    return real.equals("/") || find(real).map(node -> node.kind() == Kind.DIRECTORY).orElse(false);
  }

  /**
   * The path with every symlink on it followed inside the image, the way Docker resolves a COPY
   * destination: an absolute link restarts at the image's root, {@code ..} stops there.
   */
  public String resolve(String path) {
    Deque<String> todo = new ArrayDeque<>(List.of(absolute(path).split("/")));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.removeFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      String candidate = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + part;
      Node node = nodes.get(candidate);
      if (node != null && node.kind() == Kind.SYMLINK && links++ < MAX_LINKS) {
        if (node.link().startsWith("/")) {
          done.clear();
        }
        List<String> target = List.of(node.link().split("/"));
        for (int i = target.size() - 1; i >= 0; i--) {
          todo.addFirst(target.get(i));
        }
      } else {
        done.add(part);
      }
    }
    return "/" + String.join("/", done);
  }

  private void put(String path, Node node) {
    if (path.equals("/")) {
      return;
    }
    impliedParents(path);
    if (node.kind() == Kind.SYMLINK) {
      removeBelow(path);
    }
    nodes.put(path, node);
  }

  /** A tar may name a file before (or without) its directory: the directory is then 0755 root. */
  private void impliedParents(String path) {
    for (String parent = parent(path); !parent.equals("/"); parent = parent(parent)) {
      nodes.putIfAbsent(parent, new Node(Kind.DIRECTORY, 0755, 0, 0, null));
    }
  }

  /** Removes every path below the directory: the keys from its prefix up to the prefix's end. */
  private void removeBelow(String directory) {
    String prefix = directory.equals("/") ? "/" : directory + "/";
    nodes.subMap(prefix, true, prefix + Character.MAX_VALUE, false).clear();
  }

  static String absolute(String path) {
    return BuildContext.clean("/" + path);
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String child(String parent, String name) {
    return parent.equals("/") ? "/" + name : parent + "/" + name;
  }
}
