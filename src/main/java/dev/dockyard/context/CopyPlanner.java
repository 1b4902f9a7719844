package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.files.FileModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands a COPY or ADD into exactly the files and directories Docker would put into the image.
 *
 * <p>Docker's rules: sources are relative to the build context and may be Go {@code filepath.Match}
 * globs per path segment ({@code *}, {@code ?}, {@code [...]} with {@code ^} for negation); files
 * hidden by {@code .dockerignore} do not exist, also inside copied directories; a source directory
 * copies its contents (recursively, empty subdirectories included), not itself; a file goes to
 * {@code dest/<name>} when the destination ends in {@code /} or is {@code .} (not {@code /x/.}:
 * BuildKit copies to {@code /x}), else to the destination itself; several sources need a
 * destination ending in {@code /}; a relative destination is resolved against the step's WORKDIR.
 * ADD of a local tar archive (plain, gzip, bzip2, or xz when the xz library is present; detected by
 * content, as Docker does) unpacks it into the destination, keeping entry modes and owners, which
 * {@code --chmod} and {@code --chown} do not change; any other ADD source behaves like COPY. Given
 * the image's file tree ({@link ImageTree}), the destination's symlinks are followed, a file copied
 * onto a directory of the image lands inside it, and the directories the step passes through or
 * creates get the entries Docker leaves ({@link DirectoryEntries}); without it, the destination and
 * its parents get no entry.
 *
 * <p>Stricter than Docker: an absolute source or a {@code ../} that leaves the context is an error
 * (Docker silently re-roots them), as is a symlink named as a source (or on its path) whose target
 * resolves outside the context.
 *
 * <p>Symlinks as Docker treats them: one named as a source (or on a source's path) is followed, and
 * what it points at is copied; one met while walking a copied directory, or unpacked from an
 * archive, is copied as the link it is, its target kept as written, wherever it points. Modes keep
 * their setuid, setgid and sticky bits, from the context, an archive entry, or a directory of the
 * image the step passes through, as BuildKit keeps them; {@code --chmod} sets none.
 */
public final class CopyPlanner {

  private static final Pattern CHOWN = Pattern.compile("(\\d+)(?::(\\d+))?");

  private static final Set<PosixFilePermission> ALL =
      Set.copyOf(EnumSet.allOf(PosixFilePermission.class));

  private static final Pattern CHMOD = Pattern.compile("[0-7]{3,4}");

  /**
   * Plans the files {@code step} puts into the image, sorted by container path.
   *
   * @param scratchDir a directory this planner may write to; ADD unpacks archives into new
   *     subfolders of it, which must outlive the returned plan
   * @throws DockerfileException when Docker would fail the step, or when this planner refuses it (a
   *     source outside the context)
   */
  public List<PlannedFile> plan(CopyStep step, BuildContext ctx, Path scratchDir)
      throws DockerfileException, IOException {
    return new Planning(step, ctx, scratchDir, null).run();
  }

  /**
   * Plans the files {@code step} puts into an image whose file tree, as the step meets it, is
   * {@code tree}; the caller adds the result to the tree for the next step.
   */
  public List<PlannedFile> plan(CopyStep step, BuildContext ctx, Path scratchDir, ImageTree tree)
      throws DockerfileException, IOException {
    return new Planning(step, ctx, scratchDir, tree).run();
  }

  /** The state of one {@link #plan} call. */
  private static final class Planning {
    private final CopyStep step;
    private final CopyTree context;
    private final Path scratchDir;
    private final Set<PosixFilePermission> chmod;
    private final String chown;
    private final ImageTree tree;
    private final ArchiveSources archives;
    private final SourceMatches sourcesOf;
    private final Map<String, PlannedFile> planned = new LinkedHashMap<>();
    private final Map<Path, String> archiveOwners = new HashMap<>();
    private final Map<Path, Integer> archiveModes = new HashMap<>();

    Planning(CopyStep step, BuildContext ctx, Path scratchDir, ImageTree tree)
        throws DockerfileException, IOException {
      this.step = step;
      this.tree = tree;
      this.archives = new ArchiveSources(step);
      this.context = new CopyTree(ctx, ctx.root().toRealPath(), "the build context");
      this.sourcesOf = new SourceMatches(step, context);
      this.scratchDir = scratchDir;
      this.chmod = parseChmod(step.chmod());
      this.chown = parseChown(step.chown());
    }

    List<PlannedFile> run() throws DockerfileException, IOException {
      String destination = step.destination();
      boolean directoryNamed = destination.endsWith("/") || destination.equals(".");
      String destinationPath = absoluteDestination(destination);
      if (tree != null) {
        destinationPath = tree.resolve(destinationPath);
      }
      boolean intoDirectory = directoryNamed || (tree != null && tree.isDirectory(destinationPath));

      List<SourceMatches.Source> sources = new ArrayList<>();
      for (String source : step.sources()) {
        sources.addAll(sourcesOf.resolve(source));
      }
      if (sources.size() + step.inline().size() > 1 && !directoryNamed) {
        throw fail(
            step.keyword() + " with more than one source needs a directory destination",
            destination,
            "end the destination with '/': '" + destination + "/'");
      }
      boolean intoCopyTree = false;
      for (SourceMatches.Source source : sources) {
        if (Files.isDirectory(source.real())) {
          intoCopyTree = true;
          walk(context, source.real(), context.relative(source.real()), destinationPath);
        } else if (step.add() && isTarArchive(source)) {
          intoCopyTree = true;
          CopyTree archive = unpack(source);
          walk(archive, archive.realRoot(), ".", destinationPath);
        } else {
          String target =
              intoDirectory ? join(destinationPath, baseName(source.name())) : destinationPath;
          emit(source.real(), target, false, Entry.of(source.real(), true));
        }
      }
      emitInline(destinationPath, intoDirectory);
      List<PlannedFile> result = new ArrayList<>(planned.values());
      if (tree != null) {
        return DirectoryEntries.around(
            result, intoCopyTree ? destinationPath : null, tree, chown, context.realRoot());
      }
      result.sort(Comparator.comparing(PlannedFile::containerPath));
      return List.copyOf(result);
    }

    /** Heredoc sources become files of mode 0644 (unless --chmod), as BuildKit writes them. */
    private void emitInline(String destinationPath, boolean intoDirectory) throws IOException {
      int index = 0;
      for (CopyStep.InlineFile file : step.inline()) {
        Path written = scratchDir.resolve("inline").resolve(Integer.toString(index++));
        Files.createDirectories(written.getParent());
        Files.writeString(written, file.content(), java.nio.charset.StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
          // permissionsOf falls back to 0644 for a non-executable file
        }
        String target = intoDirectory ? join(destinationPath, file.name()) : destinationPath;
        emit(written, target, false, Entry.of(written, true));
      }
    }

    private String absoluteDestination(String destination) {
      if (destination.startsWith("/")) {
        return BuildContext.clean(destination);
      }
      String workdir = step.workdir() == null ? "/" : step.workdir();
      return BuildContext.clean(workdir + "/" + destination);
    }

    // ---- walking -------------------------------------------------------------------------

    /**
     * Plans the contents of {@code dir} (a real path inside {@code tree}, named {@code name}
     * relative to its root) below {@code containerDir}.
     */
    private void walk(CopyTree tree, Path dir, String name, String containerDir)
        throws DockerfileException, IOException {
      List<Path> children;
      try (Stream<Path> list = Files.list(dir)) {
        children =
            list.sorted(Comparator.comparing(child -> child.getFileName().toString())).toList();
      }
      for (Path child : children) {
        String childName = child(name, child.getFileName().toString());
        String containerPath = join(containerDir, child.getFileName().toString());
        Entry entry = Entry.of(child, false);
        boolean ignored = tree.ctx().isIgnored(childName);
        if (ignored && (entry.link() || !entry.directory() || !tree.ctx().hasExceptions())) {
          continue;
        }
        if (entry.link()) {
          emitLink(child, containerPath);
          continue;
        }
        if (entry.directory()) {
          if (!ignored) {
            emit(child, containerPath, true, entry);
          }
          walk(tree, child, childName, containerPath);
        } else if (entry.regular()) {
          emit(child, containerPath, false, entry);
        }
        // Sockets, pipes and devices are not content; Docker skips sockets too.
      }
    }

    /**
     * Plans a file or directory with the mode and owner Docker gives it; {@code entry} is what was
     * read of it.
     */
    private void emit(Path source, String containerPath, boolean directory, Entry entry)
        throws IOException {
      // Docker gives unpacked archive entries their own modes and owners, --chmod/--chown or not.
      boolean own = unpacked(source);
      boolean chmodded = chmod != null && !own;
      Set<PosixFilePermission> permissions =
          chmodded
              ? chmod
              : entry.permissions() != null
                  ? entry.permissions()
                  : permissionsOf(source, directory);
      int special =
          own ? archiveModes.get(source) & FileModes.SPECIAL_BITS : chmodded ? 0 : entry.special();
      plan(
          new PlannedFile(
              source, containerPath, directory, permissions, owner(source), null, special));
    }

    /** Plans a symlink as the link it is: all permission bits, the step's or the entry's owner. */
    private void emitLink(Path link, String containerPath) throws IOException {
      String target = Files.readSymbolicLink(link).toString();
      plan(new PlannedFile(link, containerPath, false, ALL, owner(link), target, 0));
    }

    private String owner(Path source) {
      return chown != null && !unpacked(source) ? chown : archiveOwners.get(source);
    }

    /**
     * Whether {@code source} is an entry of an unpacked archive, which keeps its mode and owner.
     */
    private boolean unpacked(Path source) {
      return archiveModes.containsKey(source);
    }

    private void plan(PlannedFile file) {
      planned.remove(file.containerPath());
      planned.put(file.containerPath(), file);
    }

    /**
     * A file or folder as read for planning: with unix modes, in one read; without, a question at a
     * time.
     *
     * @param permissions its permissions, null when the file system has no unix modes
     * @param special its setuid, setgid and sticky bits
     */
    private record Entry(
        boolean link,
        boolean directory,
        boolean regular,
        Set<PosixFilePermission> permissions,
        int special) {

      private static final String UNIX = "unix:mode,isSymbolicLink,isDirectory,isRegularFile";
      private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

      /**
       * @param followLinks false for a walked folder's entry, which is planned as a link when it is
       *     one; true for a file named on its own
       */
      static Entry of(Path path, boolean followLinks) throws IOException {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {NOFOLLOW};
        Map<String, Object> unix;
        try {
          unix = Files.readAttributes(path, UNIX, options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
          boolean link = !followLinks && Files.isSymbolicLink(path);
          return new Entry(link, Files.isDirectory(path), Files.isRegularFile(path), null, 0);
        }
        int mode = (Integer) unix.get("mode");
        return new Entry(
            (Boolean) unix.get("isSymbolicLink"),
            (Boolean) unix.get("isDirectory"),
            (Boolean) unix.get("isRegularFile"),
            FileModes.permissions(mode),
            mode & FileModes.SPECIAL_BITS);
      }
    }

    private static Set<PosixFilePermission> permissionsOf(Path source, boolean directory)
        throws IOException {
      try {
        return Files.getPosixFilePermissions(source);
      } catch (UnsupportedOperationException e) {
        // Non-POSIX file systems: Docker on Windows gives files 0755 as well, keep it simple.
        return PosixFilePermissions.fromString(
            directory || Files.isExecutable(source) ? "rwxr-xr-x" : "rw-r--r--");
      }
    }

    // ---- archives ------------------------------------------------------------------------

    private boolean isTarArchive(SourceMatches.Source source)
        throws DockerfileException, IOException {
      return archives.isTar(source.real(), source.name());
    }

    /** Unpacks a tar archive into a new folder of the scratch directory; never outside it. */
    private CopyTree unpack(SourceMatches.Source source) throws DockerfileException, IOException {
      ArchiveSources.Unpacked archive = archives.unpack(source.real(), source.name(), scratchDir);
      archiveOwners.putAll(archive.owners());
      archiveModes.putAll(archive.modes());
      return new CopyTree(
          BuildContext.unfiltered(archive.root()),
          archive.root(),
          "the archive '" + source.name() + "'");
    }

    // ---- flags ---------------------------------------------------------------------------

    private Set<PosixFilePermission> parseChmod(String value) throws DockerfileException {
      if (value == null) {
        return null;
      }
      if (!CHMOD.matcher(value).matches() || Integer.parseInt(value, 8) > 0777) {
        throw fail(
            step.keyword() + " failed: --chmod is not an octal mode",
            value,
            "use octal permissions without special bits, such as --chmod=755");
      }
      return FileModes.permissions(Integer.parseInt(value, 8));
    }

    private String parseChown(String value) throws DockerfileException {
      if (value == null) {
        return null;
      }
      Matcher ids = CHOWN.matcher(value);
      if (!ids.matches()) {
        throw fail(
            step.keyword() + " failed: --chown needs numeric ids",
            value,
            "use a numeric uid[:gid] such as --chown=1000:1000, or names the base image's"
                + " /etc/passwd and /etc/group hold");
      }
      String uid = ids.group(1);
      return uid + ":" + (ids.group(2) == null ? uid : ids.group(2));
    }

    private DockerfileException fail(String what, String badValue, String fix) {
      return new DockerfileException(what, badValue, step.location(), fix);
    }
  }

  private static boolean hasMeta(String path) {
    // Go's filepath.Match meta characters on unix, backslash escapes included.
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  private static String child(String parent, String name) {
    return parent.equals(".") ? name : parent + "/" + name;
  }

  private static String join(String directory, String name) {
    return directory.endsWith("/") ? directory + name : directory + "/" + name;
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
