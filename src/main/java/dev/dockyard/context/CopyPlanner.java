package dev.dockyard.context;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.compress.compressors.xz.XZUtils;
import org.codehaus.plexus.util.SelectorUtils;

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
 * (Docker silently re-roots them), as is any symlink whose target resolves outside the context.
 *
 * <p>Symlinks inside the context are followed, everywhere: a symlink named as a source is followed
 * as Docker follows it, and a symlink met while walking a copied directory is copied as the file or
 * directory it points to, whereas Docker would copy the link itself. The image layer format
 * jib-core builds has no symlink entries, so following is the only faithful option; a link whose
 * target is missing, excluded by {@code .dockerignore}, or an ancestor of itself is an error rather
 * than a silently different image.
 */
public final class CopyPlanner {

  private static final Pattern CHOWN = Pattern.compile("(\\d+)(?::(\\d+))?");
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

  /** One file tree being copied from: the build context, or an unpacked archive. */
  private record Tree(BuildContext ctx, Path realRoot, String name) {

    String relative(Path real) {
      String relative =
          realRoot.relativize(real).toString().replace(real.getFileSystem().getSeparator(), "/");
      return relative.isEmpty() ? "." : relative;
    }

    boolean contains(Path real) {
      return real.startsWith(realRoot);
    }
  }

  /** A source after glob expansion: its context-relative name and its resolved location. */
  private record Source(String name, Path real) {}

  /** The state of one {@link #plan} call. */
  private static final class Planning {
    private final CopyStep step;
    private final Tree context;
    private final Path scratchDir;
    private final Set<PosixFilePermission> chmod;
    private final String chown;
    private final ImageTree tree;
    private final Map<String, PlannedFile> planned = new LinkedHashMap<>();
    private final Map<Path, String> archiveOwners = new HashMap<>();
    private final Set<Path> unpacked = new HashSet<>();

    Planning(CopyStep step, BuildContext ctx, Path scratchDir, ImageTree tree)
        throws DockerfileException, IOException {
      this.step = step;
      this.tree = tree;
      this.context = new Tree(ctx, ctx.root().toRealPath(), "the build context");
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

      List<Source> sources = new ArrayList<>();
      for (String source : step.sources()) {
        sources.addAll(resolve(source));
      }
      if (sources.size() + step.inline().size() > 1 && !directoryNamed) {
        throw fail(
            step.keyword() + " with more than one source needs a directory destination",
            destination,
            "end the destination with '/': '" + destination + "/'");
      }
      boolean intoTree = false;
      for (Source source : sources) {
        if (Files.isDirectory(source.real())) {
          intoTree = true;
          walk(context, source.real(), context.relative(source.real()), destinationPath);
        } else if (step.add() && isTarArchive(source)) {
          intoTree = true;
          Tree archive = unpack(source);
          walk(archive, archive.realRoot(), ".", destinationPath);
        } else {
          String target =
              intoDirectory ? join(destinationPath, baseName(source.name())) : destinationPath;
          emit(source.real(), target, false);
        }
      }
      emitInline(destinationPath, intoDirectory);
      List<PlannedFile> result = new ArrayList<>(planned.values());
      if (tree != null) {
        return DirectoryEntries.around(
            result, intoTree ? destinationPath : null, tree, chown, context.realRoot());
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
        emit(written, target, false);
      }
    }

    private String absoluteDestination(String destination) {
      if (destination.startsWith("/")) {
        return BuildContext.clean(destination);
      }
      String workdir = step.workdir() == null ? "/" : step.workdir();
      return BuildContext.clean(workdir + "/" + destination);
    }

    // ---- sources -------------------------------------------------------------------------

    private List<Source> resolve(String text) throws DockerfileException, IOException {
      if (text.startsWith("/")) {
        throw fail(
            step.keyword() + " failed: source is an absolute path",
            text,
            "sources are relative to the build context; write '"
                + BuildContext.clean(text.substring(1))
                + "'");
      }
      String name = BuildContext.clean(text);
      if (name.equals("..") || name.startsWith("../")) {
        throw fail(
            step.keyword() + " failed: source is outside the build context",
            text,
            "sources must stay inside the build context "
                + context.ctx().root()
                + "; move the file into it");
      }
      return hasMeta(name) ? glob(text, name) : List.of(literal(text, name));
    }

    private Source literal(String text, String name) throws DockerfileException, IOException {
      Path path = context.ctx().root().resolve(name);
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
        throw notFound(text, name, missingFix(name));
      }
      Path real = realInside(context, path, text, text);
      if (isHidden(name, real)) {
        throw notFound(
            text,
            name,
            "it exists but .dockerignore excludes it; remove the matching line or add '!"
                + name
                + "' to .dockerignore");
      }
      return new Source(name, real);
    }

    private List<Source> glob(String text, String name) throws DockerfileException, IOException {
      List<String> candidates = List.of(".");
      for (String segment : name.split("/")) {
        List<String> next = new ArrayList<>();
        PathMatcher matcher = hasMeta(segment) ? segmentMatcher(text, segment) : null;
        for (String candidate : candidates) {
          Path dir = context.ctx().root().resolve(candidate);
          if (matcher == null) {
            if (Files.exists(dir.resolve(segment), LinkOption.NOFOLLOW_LINKS)) {
              next.add(child(candidate, segment));
            }
          } else if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
              children
                  .map(child -> child.getFileName().toString())
                  .filter(child -> matcher.matches(Path.of(child)))
                  .sorted()
                  .forEach(child -> next.add(child(candidate, child)));
            }
          }
        }
        candidates = next;
      }
      List<Source> sources = new ArrayList<>();
      boolean hiddenMatch = false;
      for (String candidate : candidates) {
        Path path = context.ctx().root().resolve(candidate);
        Path real = realInside(context, path, candidate, text);
        if (isHidden(candidate, real)) {
          hiddenMatch = true;
        } else {
          sources.add(new Source(candidate, real));
        }
      }
      if (sources.isEmpty()) {
        throw fail(
            step.keyword() + " failed: no file in the build context matches",
            text,
            hiddenMatch
                ? "the matching files are excluded by .dockerignore; remove the matching line or"
                    + " add a '!' exception to .dockerignore"
                : missingFix(name));
      }
      return sources;
    }

    /** Go's {@code filepath.Match} for one path segment. */
    private PathMatcher segmentMatcher(String text, String segment) throws DockerfileException {
      if (segment.indexOf('[') < 0 && segment.indexOf('\\') < 0) {
        return path -> SelectorUtils.match(segment, path.toString(), true);
      }
      // plexus-utils has no character classes; the JDK glob has them, with '!' for negation and
      // '{a,b}' groups that Go does not know.
      String jdkGlob = segment.replace("[^", "[!").replace("{", "\\{").replace("}", "\\}");
      try {
        return FileSystems.getDefault().getPathMatcher("glob:" + jdkGlob);
      } catch (PatternSyntaxException e) {
        throw new DockerfileException(
            step.keyword() + " failed: invalid pattern",
            text,
            step.location(),
            "close the '[' bracket, or escape it as '\\['",
            e);
      }
    }

    /** Whether .dockerignore hides a source: a file, or a directory with nothing visible in it. */
    private boolean isHidden(String name, Path real) throws IOException {
      String realName = context.relative(real);
      boolean ignored = context.ctx().isIgnored(name) || context.ctx().isIgnored(realName);
      if (!ignored) {
        return false;
      }
      return !Files.isDirectory(real) || !hasVisibleContent(real, realName);
    }

    private boolean hasVisibleContent(Path dir, String name) throws IOException {
      if (!context.ctx().hasExceptions()) {
        return false;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .skip(1)
            .map(
                file ->
                    dir.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/"))
            .anyMatch(file -> !context.ctx().isIgnored(child(name, file)));
      }
    }

    private String missingFix(String name) {
      String relativeHint =
          "check the path; sources are relative to the build context " + context.ctx().root();
      if (name.equals("target") || name.startsWith("target/")) {
        return "run `mvn package` first (it creates target/), or " + relativeHint;
      }
      return relativeHint;
    }

    private DockerfileException notFound(String text, String name, String fix) {
      return fail(step.keyword() + " failed: source not found in build context", text, fix);
    }

    // ---- walking -------------------------------------------------------------------------

    /**
     * Plans the contents of {@code dir} (a real path inside {@code tree}, named {@code name}
     * relative to its root) below {@code containerDir}.
     */
    private void walk(Tree tree, Path dir, String name, String containerDir)
        throws DockerfileException, IOException {
      Set<Path> ancestors = new HashSet<>();
      ancestors.add(dir);
      walk(tree, dir, name, containerDir, ancestors);
    }

    private void walk(Tree tree, Path dir, String name, String containerDir, Set<Path> ancestors)
        throws DockerfileException, IOException {
      List<Path> children;
      try (Stream<Path> list = Files.list(dir)) {
        children =
            list.sorted(Comparator.comparing(child -> child.getFileName().toString())).toList();
      }
      for (Path child : children) {
        String childName = child(name, child.getFileName().toString());
        String containerPath = join(containerDir, child.getFileName().toString());
        boolean link = Files.isSymbolicLink(child);
        boolean ignored = tree.ctx().isIgnored(childName);
        if (ignored && (link || !Files.isDirectory(child) || !tree.ctx().hasExceptions())) {
          continue;
        }
        Path real = child;
        String realName = childName;
        if (link) {
          real = realInside(tree, child, childName, childName);
          realName = tree.relative(real);
          if (tree.ctx().isIgnored(realName)) {
            throw fail(
                step.keyword() + " failed: symlink points at a file excluded by .dockerignore",
                childName,
                "replace the link with the file itself, or stop excluding '" + realName + "'");
          }
        }
        if (Files.isDirectory(real)) {
          if (!ancestors.add(real)) {
            throw fail(
                step.keyword() + " failed: symlink loop in " + tree.name(),
                childName,
                "remove the link, it points at a directory that contains it");
          }
          if (!ignored) {
            emit(real, containerPath, true);
          }
          walk(tree, real, realName, containerPath, ancestors);
          ancestors.remove(real);
        } else if (Files.isRegularFile(real)) {
          emit(real, containerPath, false);
        }
        // Sockets, pipes and devices are not content; Docker skips sockets too.
      }
    }

    /** Resolves every symlink in {@code path} and insists the result stays inside {@code tree}. */
    private Path realInside(Tree tree, Path path, String shown, String badValue)
        throws DockerfileException, IOException {
      Path real;
      try {
        real = path.toRealPath();
      } catch (NoSuchFileException e) {
        throw fail(
            step.keyword() + " failed: symlink target does not exist",
            badValue,
            "remove the link '" + shown + "' or create the file it points at");
      }
      if (!tree.contains(real)) {
        throw fail(
            step.keyword() + " failed: symlink points outside " + tree.name(),
            badValue,
            "replace the link '"
                + shown
                + "' with the file itself, or make it point inside "
                + tree.name());
      }
      return real;
    }

    private void emit(Path source, String containerPath, boolean directory) throws IOException {
      // Docker gives unpacked archive entries their own modes and owners, --chmod/--chown or not.
      boolean own = unpacked.contains(source);
      Set<PosixFilePermission> permissions =
          chmod != null && !own ? chmod : permissionsOf(source, directory);
      String ownership = chown != null && !own ? chown : archiveOwners.get(source);
      planned.remove(containerPath);
      planned.put(
          containerPath, new PlannedFile(source, containerPath, directory, permissions, ownership));
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

    private boolean isTarArchive(Source source) throws DockerfileException, IOException {
      try (InputStream in = new BufferedInputStream(decompressed(source))) {
        return ArchiveStreamFactory.TAR.equals(ArchiveStreamFactory.detect(in));
      } catch (ArchiveException e) {
        return false;
      }
    }

    /** The file's bytes, decompressed when Docker would decompress them (by content). */
    private InputStream decompressed(Source source) throws DockerfileException, IOException {
      InputStream raw = new BufferedInputStream(Files.newInputStream(source.real()));
      String compression;
      try {
        compression = CompressorStreamFactory.detect(raw);
      } catch (CompressorException e) {
        return raw;
      }
      boolean supported =
          compression.equals(CompressorStreamFactory.GZIP)
              || compression.equals(CompressorStreamFactory.BZIP2)
              || (compression.equals(CompressorStreamFactory.XZ)
                  && XZUtils.isXZCompressionAvailable());
      if (!supported) {
        boolean dockerWouldUnpack =
            compression.equals(CompressorStreamFactory.XZ)
                || compression.equals(CompressorStreamFactory.ZSTANDARD);
        if (!dockerWouldUnpack) {
          return raw;
        }
        raw.close();
        throw fail(
            "ADD failed: cannot unpack " + compression + "-compressed files",
            source.name(),
            "recompress it with gzip (.tar.gz) or bzip2, or use COPY to copy it unchanged");
      }
      try {
        return new CompressorStreamFactory().createCompressorInputStream(compression, raw);
      } catch (CompressorException e) {
        raw.close();
        throw new IOException("Cannot decompress " + source.real(), e);
      }
    }

    /** Unpacks a tar archive into a new folder of the scratch directory; never outside it. */
    private Tree unpack(Source source) throws DockerfileException, IOException {
      Files.createDirectories(scratchDir);
      Path out = Files.createTempDirectory(scratchDir, "add-").toRealPath();
      Map<Path, Integer> modes = new LinkedHashMap<>();
      try (InputStream in = decompressed(source);
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          Path target = entryTarget(out, entry.getName(), source);
          if (target.equals(out)) {
            continue;
          }
          // A link unpacked earlier must not carry this entry out of the folder.
          insist(out, target.getParent(), entry.getName(), source);
          Files.createDirectories(target.getParent());
          if (entry.isDirectory()) {
            Files.createDirectories(target);
          } else if (entry.isSymbolicLink()) {
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            continue;
          } else if (entry.isLink()) {
            Path linked = entryTarget(out, entry.getLinkName(), source);
            insist(out, linked, entry.getName(), source);
            Files.copy(linked, target, StandardCopyOption.REPLACE_EXISTING);
          } else if (entry.isFile()) {
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          } else {
            throw fail(
                "ADD failed: archive entry is not a file, directory or link",
                entry.getName(),
                "rebuild '" + source.name() + "' without device or pipe entries");
          }
          modes.put(target, entry.getMode());
          long uid = entry.getLongUserId();
          long gid = entry.getLongGroupId();
          if (uid != 0 || gid != 0) {
            archiveOwners.put(target, uid + ":" + gid);
          }
        }
      }
      unpacked.addAll(modes.keySet());
      // Deepest first, so a read-only directory is closed only after its children are written.
      List<Path> written = new ArrayList<>(modes.keySet());
      written.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path path : written) {
        Files.setPosixFilePermissions(path, DirectoryEntries.permissions(modes.get(path)));
      }
      return new Tree(BuildContext.unfiltered(out), out, "the archive '" + source.name() + "'");
    }

    private Path entryTarget(Path out, String entryName, Source source) throws DockerfileException {
      // Docker cleans the name and joins it to the destination: a leading '/' stays inside.
      String relative = BuildContext.clean(entryName);
      if (relative.equals("..") || relative.startsWith("../")) {
        throw escapingEntry(entryName, source);
      }
      String inside = BuildContext.clean("/" + relative).substring(1);
      return inside.isEmpty() ? out : out.resolve(inside);
    }

    /** Fails unless the deepest existing part of {@code path} really lies inside {@code out}. */
    private void insist(Path out, Path path, String entryName, Source source)
        throws DockerfileException, IOException {
      Path existing = path;
      while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      try {
        if (existing.toRealPath().startsWith(out)) {
          return;
        }
      } catch (NoSuchFileException e) {
        // a dangling link on the way: nothing inside the folder can be reached through it
      }
      throw escapingEntry(entryName, source);
    }

    private DockerfileException escapingEntry(String entryName, Source source) {
      return fail(
          "ADD failed: archive entry escapes the destination",
          entryName,
          "rebuild '" + source.name() + "' without '..' or outward links in its entry names");
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
      return DirectoryEntries.permissions(Integer.parseInt(value, 8));
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
