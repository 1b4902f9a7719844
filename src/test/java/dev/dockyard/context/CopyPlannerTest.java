package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expands COPY and ADD over real directories and checks the result against Docker's rules. */
class CopyPlannerTest {

  private static final Location AT = new Location("src/main/docker/Dockerfile", 7);

  @TempDir Path tmp;
  private Path root;
  private Path scratch;
  private final CopyPlanner planner = new CopyPlanner();

  @BeforeEach
  void createContext() throws IOException {
    root = Files.createDirectories(tmp.resolve("module"));
    scratch = tmp.resolve("scratch");
  }

  // ---- destinations ------------------------------------------------------------------------

  @Test
  void fileToDestinationWithoutSlashIsCopiedToThatExactPath() throws Exception {
    file("target/app.jar");

    assertThat(paths(plan(copy("/opt/service.jar", "target/app.jar"))))
        .containsExactly("/opt/service.jar");
  }

  @Test
  void fileToDestinationEndingInSlashKeepsItsName() throws Exception {
    file("target/app.jar");

    List<PlannedFile> plan = plan(copy("/app/", "target/app.jar"));

    assertThat(plan)
        .extracting(PlannedFile::source, PlannedFile::containerPath, PlannedFile::directory)
        .containsExactly(tuple(root.resolve("target/app.jar"), "/app/app.jar", false));
  }

  @Test
  void dotDestinationMeansTheWorkdir() throws Exception {
    file("app.jar");

    assertThat(paths(plan(step(false, "/srv/app", ".", null, null, "app.jar"))))
        .containsExactly("/srv/app/app.jar");
  }

  @Test
  void relativeDestinationIsResolvedAgainstTheWorkdirAndNormalised() throws Exception {
    file("lib/a.jar");

    assertThat(paths(plan(step(false, "/app", "./libs/../lib//", null, null, "lib/a.jar"))))
        .containsExactly("/app/lib/a.jar");
    assertThat(paths(plan(step(false, "/app", "run.jar", null, null, "lib/a.jar"))))
        .containsExactly("/app/run.jar");
  }

  // ---- directories -------------------------------------------------------------------------

  @Test
  void directorySourceCopiesItsContentsIncludingEmptySubdirectories() throws Exception {
    file("conf/app.properties");
    file("conf/sub/logback.xml");
    Files.createDirectories(root.resolve("conf/empty"));

    List<PlannedFile> plan = plan(copy("/etc/app", "conf"));

    assertThat(plan)
        .extracting(PlannedFile::containerPath, PlannedFile::directory)
        .containsExactly(
            tuple("/etc/app/app.properties", false),
            tuple("/etc/app/empty", true),
            tuple("/etc/app/sub", true),
            tuple("/etc/app/sub/logback.xml", false));
    assertThat(plan.get(1).source()).isEqualTo(root.resolve("conf/empty"));
  }

  @Test
  void contextRootCopiesEverythingDockerignoreLetsThrough() throws Exception {
    file("Dockerfile");
    file("src/Main.java");
    file("target/app.jar");
    file("target/classes/Main.class");
    Files.writeString(root.resolve(".dockerignore"), "target\n!target/app.jar\n");

    assertThat(paths(plan(copy("/app/", "."))))
        .containsExactly(
            "/app/.dockerignore",
            "/app/Dockerfile",
            "/app/src",
            "/app/src/Main.java",
            "/app/target/app.jar");
  }

  @Test
  void ignoredFilesAreInvisibleInsideCopiedDirectories() throws Exception {
    file("conf/app.properties");
    file("conf/tls/server.key");
    file("conf/notes.md");
    Files.writeString(root.resolve(".dockerignore"), "**/*.key\nconf/*.md\n");

    assertThat(paths(plan(copy("/etc/app/", "conf"))))
        .containsExactly("/etc/app/app.properties", "/etc/app/tls");
  }

  @Test
  void ignoredDirectoryWithAnExceptionStillProvidesTheExcepted() throws Exception {
    file("target/app.jar");
    file("target/classes/Main.class");
    Files.writeString(root.resolve(".dockerignore"), "target\n!target/app.jar\n");

    assertThat(paths(plan(copy("/app/", "target")))).containsExactly("/app/app.jar");
  }

  // ---- globs -------------------------------------------------------------------------------

  @Test
  void globMatchesPerSegmentWithoutCrossingDirectories() throws Exception {
    file("target/a.jar");
    file("target/b.jar");
    file("target/notes.txt");
    file("target/lib/c.jar");

    assertThat(paths(plan(copy("/app/", "target/*.jar"))))
        .containsExactly("/app/a.jar", "/app/b.jar");
  }

  @Test
  void globSupportsQuestionMarksCharacterClassesAndWildcardDirectories() throws Exception {
    file("lib/a1.jar");
    file("lib/b2.jar");
    file("lib/c3.jar");
    file("modules/x/out.jar");
    file("modules/y/out.jar");
    file("modules/y/other.jar");

    assertThat(paths(plan(copy("/app/", "lib/[ab]?.jar"))))
        .containsExactly("/app/a1.jar", "/app/b2.jar");
    assertThat(paths(plan(copy("/app/", "lib/[^a]*.jar"))))
        .containsExactly("/app/b2.jar", "/app/c3.jar");
    assertThat(paths(plan(copy("/app/", "modules/*/out.jar")))).containsExactly("/app/out.jar");
  }

  @Test
  void globMatchingOneFileMayNameTheTargetFile() throws Exception {
    file("target/app-1.0.jar");

    assertThat(paths(plan(copy("/app/app.jar", "target/app-*.jar"))))
        .containsExactly("/app/app.jar");
  }

  @Test
  void globMatchingADirectoryCopiesItsContents() throws Exception {
    file("config-prod/app.yml");

    assertThat(paths(plan(copy("/etc/", "config-*")))).containsExactly("/etc/app.yml");
  }

  @Test
  void globDoesNotSeeIgnoredFiles() throws Exception {
    file("target/app.jar");
    file("target/app-sources.jar");
    Files.writeString(root.resolve(".dockerignore"), "target/*-sources.jar\n");

    assertThat(paths(plan(copy("/app/", "target/*.jar")))).containsExactly("/app/app.jar");
  }

  // ---- several sources ---------------------------------------------------------------------

  @Test
  void severalSourcesToADirectoryAreMergedAndTheLaterWins() throws Exception {
    file("a/config.yml", "from a");
    file("b/config.yml", "from b");
    file("b/extra.yml");

    List<PlannedFile> plan = plan(copy("/cfg/", "a", "b"));

    assertThat(plan)
        .extracting(PlannedFile::containerPath, PlannedFile::source)
        .containsExactly(
            tuple("/cfg/config.yml", root.resolve("b/config.yml")),
            tuple("/cfg/extra.yml", root.resolve("b/extra.yml")));
  }

  @Test
  void rejectsSeveralSourcesToADestinationWithoutSlash() throws Exception {
    file("a.jar");
    file("b.jar");

    assertFails(
        copy("/app/lib", "a.jar", "b.jar"),
        "COPY with more than one source needs a directory destination: '/app/lib' at "
            + AT
            + "; end the destination with '/': '/app/lib/'");
  }

  @Test
  void rejectsGlobMatchingSeveralFilesToADestinationWithoutSlash() throws Exception {
    file("target/a.jar");
    file("target/b.jar");

    assertFails(
        copy("/app/app.jar", "target/*.jar"),
        "COPY with more than one source needs a directory destination: '/app/app.jar' at "
            + AT
            + "; end the destination with '/': '/app/app.jar/'");
  }

  // ---- missing and ignored sources ---------------------------------------------------------

  @Test
  void rejectsMissingSourceNamingTheContext() throws Exception {
    assertFails(
        copy("/app/", "config/app.yml"),
        "COPY failed: source not found in build context: 'config/app.yml' at "
            + AT
            + "; check the path; sources are relative to the build context "
            + root);
  }

  @Test
  void rejectsMissingSourceUnderTargetSuggestingMvnPackage() throws Exception {
    assertFails(
        copy("/app/", "target/app.jar"),
        "COPY failed: source not found in build context: 'target/app.jar' at "
            + AT
            + "; run `mvn package` first (it creates target/), or check the path; sources are"
            + " relative to the build context "
            + root);
  }

  @Test
  void rejectsGlobMatchingNothing() throws Exception {
    file("target/app.war");

    assertFails(
        copy("/app/", "target/*.jar"),
        "COPY failed: no file in the build context matches: 'target/*.jar' at "
            + AT
            + "; run `mvn package` first (it creates target/), or check the path; sources are"
            + " relative to the build context "
            + root);
  }

  @Test
  void rejectsGlobWhoseOnlyMatchesAreIgnored() throws Exception {
    file("secrets/a.key");
    Files.writeString(root.resolve(".dockerignore"), "*.key\nsecrets/*.key\n");

    assertFails(
        copy("/app/", "secrets/*.key"),
        "COPY failed: no file in the build context matches: 'secrets/*.key' at "
            + AT
            + "; the matching files are excluded by .dockerignore; remove the matching line or"
            + " add a '!' exception to .dockerignore");
  }

  @Test
  void rejectsIgnoredSourceSayingItExists() throws Exception {
    file("config/secret.properties");
    Files.writeString(root.resolve(".dockerignore"), "**/secret.*\n");

    assertFails(
        copy("/app/", "./config/secret.properties"),
        "COPY failed: source not found in build context: './config/secret.properties' at "
            + AT
            + "; it exists but .dockerignore excludes it; remove the matching line or add"
            + " '!config/secret.properties' to .dockerignore");
  }

  @Test
  void rejectsIgnoredDirectoryWithNothingVisibleInside() throws Exception {
    file("target/classes/Main.class");
    Files.writeString(root.resolve(".dockerignore"), "target\n");

    assertFails(
        copy("/app/", "target/classes"),
        "COPY failed: source not found in build context: 'target/classes' at "
            + AT
            + "; it exists but .dockerignore excludes it; remove the matching line or add"
            + " '!target/classes' to .dockerignore");
  }

  // ---- escaping the context ----------------------------------------------------------------

  @Test
  void rejectsDotDotLeavingTheContext() throws Exception {
    file("app.jar");

    assertFails(
        copy("/app/", "lib/../../shared/app.jar"),
        "COPY failed: source is outside the build context: 'lib/../../shared/app.jar' at "
            + AT
            + "; sources must stay inside the build context "
            + root
            + "; move the file into it");
  }

  @Test
  void dotDotThatStaysInsideIsFine() throws Exception {
    file("app.jar");

    assertThat(paths(plan(copy("/app/", "lib/../app.jar")))).containsExactly("/app/app.jar");
  }

  @Test
  void rejectsAbsoluteSource() throws Exception {
    assertFails(
        copy("/app/", "/target/app.jar"),
        "COPY failed: source is an absolute path: '/target/app.jar' at "
            + AT
            + "; sources are relative to the build context; write 'target/app.jar'");
  }

  @Test
  void rejectsSymlinkSourcePointingOutsideTheContext() throws Exception {
    Path outside = Files.writeString(tmp.resolve("host-secret.txt"), "secret");
    Files.createSymbolicLink(root.resolve("config.txt"), outside);

    assertFails(
        copy("/app/", "config.txt"),
        "COPY failed: symlink points outside the build context: 'config.txt' at "
            + AT
            + "; replace the link 'config.txt' with the file itself, or make it point inside the"
            + " build context");
  }

  @Test
  void rejectsSymlinkedParentDirectoryPointingOutsideTheContext() throws Exception {
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(tmp.resolve("elsewhere/app.jar"), "jar");
    Files.createSymbolicLink(root.resolve("dist"), tmp.resolve("elsewhere"));

    assertFails(
        copy("/app/", "dist/app.jar"),
        "COPY failed: symlink points outside the build context: 'dist/app.jar' at "
            + AT
            + "; replace the link 'dist/app.jar' with the file itself, or make it point inside"
            + " the build context");
  }

  @Test
  void aLinkInsideACopiedDirectoryIsKeptAsWrittenWhereverItPointsOrWhenItDangles()
      throws Exception {
    file("conf/app.yml");
    Files.createDirectories(tmp.resolve("etc"));
    Files.createSymbolicLink(root.resolve("conf/hosts"), tmp.resolve("etc"));
    Files.createSymbolicLink(root.resolve("conf/gone"), Path.of("../missing.txt"));

    assertThat(plan(copy("/etc/app/", "conf")))
        .extracting(PlannedFile::containerPath, PlannedFile::link)
        .containsExactly(
            tuple("/etc/app/app.yml", null),
            tuple("/etc/app/gone", "../missing.txt"),
            tuple("/etc/app/hosts", tmp.resolve("etc").toString()));
  }

  @Test
  void symlinkSourceInsideTheContextIsFollowed() throws Exception {
    file("target/app-1.0.jar", "jar");
    Files.createSymbolicLink(root.resolve("app.jar"), Path.of("target/app-1.0.jar"));

    assertThat(plan(copy("/app/", "app.jar")))
        .extracting(PlannedFile::containerPath, PlannedFile::source)
        .containsExactly(tuple("/app/app.jar", root.toRealPath().resolve("target/app-1.0.jar")));
  }

  @Test
  void symlinksInsideACopiedDirectoryAreCopiedAsLinksNotFollowed() throws Exception {
    file("conf/real/app.yml");
    Files.createSymbolicLink(root.resolve("conf/current"), Path.of("real"));
    Files.createSymbolicLink(root.resolve("conf/app.yml"), Path.of("real/app.yml"));
    Files.createSymbolicLink(root.resolve("conf/self"), Path.of("."));

    List<PlannedFile> plan = plan(step(false, "/", "/etc/app/", "1000", null, "conf"));

    assertThat(plan)
        .extracting(
            PlannedFile::containerPath,
            PlannedFile::directory,
            PlannedFile::link,
            PlannedFile::mode,
            PlannedFile::ownership)
        .containsExactly(
            tuple("/etc/app/app.yml", false, "real/app.yml", 0777, "1000:1000"),
            tuple("/etc/app/current", false, "real", 0777, "1000:1000"),
            tuple("/etc/app/real", true, null, 0755, "1000:1000"),
            tuple("/etc/app/real/app.yml", false, null, 0644, "1000:1000"),
            tuple("/etc/app/self", false, ".", 0777, "1000:1000"));
    assertThat(plan.get(1).source()).isEqualTo(root.toRealPath().resolve("conf/current"));
  }

  // ---- permissions and ownership -----------------------------------------------------------

  @Test
  void keepsSourcePermissionsWithoutChmod() throws Exception {
    file("bin/run.sh");
    Files.setPosixFilePermissions(
        root.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createDirectories(root.resolve("bin/private"));
    Files.setPosixFilePermissions(
        root.resolve("bin/private"), PosixFilePermissions.fromString("rwx------"));

    List<PlannedFile> plan = plan(copy("/usr/local/bin/", "bin"));

    assertThat(plan)
        .extracting(
            p -> p.containerPath(),
            p -> PosixFilePermissions.toString(p.permissions()),
            p -> p.ownership())
        .containsExactly(
            tuple("/usr/local/bin/private", "rwx------", null),
            tuple("/usr/local/bin/run.sh", "rwxr-x---", null));
  }

  @Test
  void keepsSetuidSetgidAndStickyBitsOfTheContextUnlessChmodSetsTheMode() throws Exception {
    file("bin/tool");
    Files.createDirectories(root.resolve("bin/shared"));
    Files.setAttribute(root.resolve("bin/tool"), "unix:mode", 04755);
    Files.setAttribute(root.resolve("bin/shared"), "unix:mode", 03775);

    assertThat(plan(copy("/opt/", "bin")))
        .extracting(PlannedFile::containerPath, PlannedFile::mode)
        .containsExactly(tuple("/opt/shared", 03775), tuple("/opt/tool", 04755));
    assertThat(plan(step(false, "/", "/opt/", null, "750", "bin")))
        .extracting(PlannedFile::containerPath, PlannedFile::mode)
        .containsExactly(tuple("/opt/shared", 0750), tuple("/opt/tool", 0750));
  }

  @Test
  void chmodAppliesToEveryFileAndDirectory() throws Exception {
    file("bin/run.sh");
    Files.createDirectories(root.resolve("bin/empty"));

    List<PlannedFile> plan = plan(step(false, "/", "/opt/", null, "0750", "bin"));

    assertThat(plan)
        .extracting(p -> PosixFilePermissions.toString(p.permissions()))
        .containsExactly("rwxr-x---", "rwxr-x---");
  }

  @Test
  void rejectsChmodThatIsNotOctal() throws Exception {
    file("run.sh");

    assertFails(
        step(false, "/", "/opt/", null, "u+x", "run.sh"),
        "COPY failed: --chmod is not an octal mode: 'u+x' at "
            + AT
            + "; use octal permissions without special bits, such as --chmod=755");
  }

  @Test
  void destinationEndingInSlashDotIsAFileNotADirectory() throws Exception {
    file("a.txt");

    assertThat(paths(plan(copy("/dot/.", "a.txt")))).containsExactly("/dot");
    assertThat(paths(plan(copy("/dir/", "a.txt")))).containsExactly("/dir/a.txt");
  }

  @Test
  void chownWithUidOnlyUsesTheUidAsGroup() throws Exception {
    file("app.jar");

    assertThat(plan(step(false, "/", "/app/", "1000", null, "app.jar")))
        .extracting(PlannedFile::ownership)
        .containsExactly("1000:1000");
    assertThat(plan(step(false, "/", "/app/", "1000:50", null, "app.jar")))
        .extracting(PlannedFile::ownership)
        .containsExactly("1000:50");
  }

  @Test
  void rejectsChownByName() throws Exception {
    file("app.jar");

    assertFails(
        step(false, "/", "/app/", "app:app", null, "app.jar"),
        "COPY failed: --chown needs numeric ids: 'app:app' at "
            + AT
            + "; use a numeric uid[:gid] such as --chown=1000:1000, or names the base image's"
            + " /etc/passwd and /etc/group hold");
  }

  // ---- ADD ---------------------------------------------------------------------------------

  @Test
  void addUnpacksPlainTarKeepingModesAndOwners() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("dist.tar")))) {
      entry(tar, "app/", 0750, 0, 0, null);
      entry(tar, "app/bin/run.sh", 0755, 1000, 1000, "#!/bin/sh");
      entry(tar, "app/README", 0644, 0, 0, "hello");
    }

    List<PlannedFile> plan = plan(add("/opt", "dist.tar"));

    assertThat(plan)
        .extracting(
            PlannedFile::containerPath,
            PlannedFile::directory,
            p -> PosixFilePermissions.toString(p.permissions()),
            PlannedFile::ownership)
        .containsExactly(
            tuple("/opt/app", true, "rwxr-x---", null),
            tuple("/opt/app/README", false, "rw-r--r--", null),
            tuple("/opt/app/bin", true, "rwxr-xr-x", null),
            tuple("/opt/app/bin/run.sh", false, "rwxr-xr-x", "1000:1000"));
    assertThat(plan.get(3).source()).startsWith(scratch.toRealPath()).hasContent("#!/bin/sh");
  }

  @Test
  void addKeepsTheArchivesLinksAsLinksAndItsSpecialBits() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("dist.tar")))) {
      entry(tar, "bin/", 01777, 0, 0, null);
      entry(tar, "bin/tool", 04755, 0, 0, "tool");
      TarArchiveEntry link = new TarArchiveEntry("bin/latest", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("tool");
      link.setUserId(7);
      link.setGroupId(8);
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    assertThat(plan(step(true, "/", "/opt/", "2000", null, "dist.tar")))
        .extracting(
            PlannedFile::containerPath,
            PlannedFile::link,
            PlannedFile::mode,
            PlannedFile::ownership)
        .containsExactly(
            tuple("/opt/bin", null, 01777, null),
            tuple("/opt/bin/latest", "tool", 0777, "7:8"),
            tuple("/opt/bin/tool", null, 04755, null));
  }

  @Test
  void aDirectoryAnArchiveOnlyImpliesHasNoSpecialBitsWhereverItIsUnpacked() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("dist.tar")))) {
      entry(tar, "bin/tool", 0755, 0, 0, "tool");
    }
    Files.createDirectories(scratch);
    Files.setAttribute(scratch, "unix:mode", 02775);

    assertThat(plan(add("/opt/", "dist.tar")))
        .extracting(PlannedFile::containerPath, PlannedFile::special)
        .containsExactly(tuple("/opt/bin", 0), tuple("/opt/bin/tool", 0));
  }

  @Test
  void addDetectsGzipAndBzip2ArchivesByContentNotName() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new GZIPOutputStream(Files.newOutputStream(root.resolve("bundle.bin"))))) {
      entry(tar, "a.txt", 0644, 0, 0, "a");
    }
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new BZip2CompressorOutputStream(Files.newOutputStream(root.resolve("more.tar.bz2"))))) {
      entry(tar, "b.txt", 0600, 0, 0, "b");
    }

    assertThat(plan(add("/data/", "bundle.bin", "more.tar.bz2")))
        .extracting(PlannedFile::containerPath, p -> PosixFilePermissions.toString(p.permissions()))
        .containsExactly(tuple("/data/a.txt", "rw-r--r--"), tuple("/data/b.txt", "rw-------"));
  }

  @Test
  void addWithChownAndChmodKeepsArchiveOwnersAndModes() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("dist.tgz")))) {
      entry(tar, "run.sh", 0700, 5, 6, "x");
      entry(tar, "root.txt", 0600, 0, 0, "y");
    }
    file("plain.txt");

    assertThat(plan(step(true, "/", "/opt/", "2000", "644", "dist.tgz", "plain.txt")))
        .extracting(
            PlannedFile::containerPath,
            PlannedFile::ownership,
            p -> PosixFilePermissions.toString(p.permissions()))
        .containsExactly(
            tuple("/opt/plain.txt", "2000:2000", "rw-r--r--"),
            tuple("/opt/root.txt", null, "rw-------"),
            tuple("/opt/run.sh", "5:6", "rwx------"));
  }

  @Test
  void addOfNonArchiveBehavesLikeCopy() throws Exception {
    file("app.tar.gz", "not really gzip");
    file("target/app.jar", "PK\u0003\u0004 a zip is no tar");

    assertThat(paths(plan(add("/app/", "app.tar.gz", "target/app.jar"))))
        .containsExactly("/app/app.jar", "/app/app.tar.gz");
  }

  @Test
  void copyNeverUnpacksArchives() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("dist.tar")))) {
      entry(tar, "a.txt", 0644, 0, 0, "a");
    }

    assertThat(paths(plan(copy("/opt/", "dist.tar")))).containsExactly("/opt/dist.tar");
  }

  @Test
  void rejectsArchiveEntryEscapingWithDotDot() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("evil.tar")))) {
      entry(tar, "ok.txt", 0644, 0, 0, "fine");
      entry(tar, "../../etc/cron.d/evil", 0644, 0, 0, "boom");
    }

    assertFails(
        add("/opt/", "evil.tar"),
        "ADD failed: archive entry escapes the destination: '../../etc/cron.d/evil' at "
            + AT
            + "; rebuild 'evil.tar' without '..' or outward links in its entry names");
    assertThat(tmp.resolve("etc")).doesNotExist();
  }

  @Test
  void rejectsArchiveWritingThroughAnOutwardLink() throws Exception {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(Files.newOutputStream(root.resolve("evil.tar")))) {
      TarArchiveEntry link = new TarArchiveEntry("out", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName(tmp.toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      entry(tar, "out/planted.txt", 0644, 0, 0, "boom");
    }

    assertFails(
        add("/opt/", "evil.tar"),
        "ADD failed: archive entry escapes the destination: 'out/planted.txt' at "
            + AT
            + "; rebuild 'evil.tar' without '..' or outward links in its entry names");
    assertThat(tmp.resolve("planted.txt")).doesNotExist();
  }

  @Test
  void rejectsXzArchiveWhenNoXzDecoderIsAvailable() throws Exception {
    Files.write(
        root.resolve("dist.tar.xz"), new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4, 0, 0});

    assertFails(
        add("/opt/", "dist.tar.xz"),
        "ADD failed: cannot unpack xz-compressed files: 'dist.tar.xz' at "
            + AT
            + "; recompress it with gzip (.tar.gz) or bzip2, or use COPY to copy it unchanged");
  }

  // ---- helpers -----------------------------------------------------------------------------

  private List<PlannedFile> plan(CopyStep step) throws Exception {
    return planner.plan(step, BuildContext.open(root), scratch);
  }

  private void assertFails(CopyStep step, String message) {
    assertThatThrownBy(() -> plan(step))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(message)
        .extracting(e -> ((DockerfileException) e).location())
        .isEqualTo(AT);
  }

  private static CopyStep copy(String destination, String... sources) {
    return step(false, "/", destination, null, null, sources);
  }

  private static CopyStep add(String destination, String... sources) {
    return step(true, "/", destination, null, null, sources);
  }

  private static CopyStep step(
      boolean add,
      String workdir,
      String destination,
      String chown,
      String chmod,
      String... sources) {
    return new CopyStep(add, List.of(sources), destination, chown, chmod, workdir, AT);
  }

  private void file(String path) throws IOException {
    file(path, path);
  }

  private void file(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static List<String> paths(List<PlannedFile> plan) {
    return plan.stream().map(PlannedFile::containerPath).toList();
  }

  private static void entry(
      TarArchiveOutputStream tar, String name, int mode, long uid, long gid, String content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(mode);
    entry.setUserId(uid);
    entry.setGroupId(gid);
    byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    if (content != null) {
      ((OutputStream) tar).write(bytes);
    }
    tar.closeArchiveEntry();
  }
}
