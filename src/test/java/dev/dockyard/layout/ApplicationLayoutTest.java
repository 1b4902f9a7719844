package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationLayoutTest {

  private static final String APP = "target/dockyard/app/";
  private static final String SELF = "it:orders:jar:1.0";

  @TempDir Path dir;
  private Path module;
  private Path output;
  private Path repo;

  @BeforeEach
  void folders() throws IOException {
    module = Files.createDirectories(dir.resolve("orders"));
    output = Files.createDirectories(module.resolve("target/classes"));
    repo = Files.createDirectories(dir.resolve("repo"));
  }

  private DependencyJar jar(String coordinates, String scope, boolean optional) throws IOException {
    return jar(coordinates, scope, optional, 100);
  }

  /** A dependency from {@code groupId:artifactId:version}, its file of that many bytes. */
  private DependencyJar jar(String coordinates, String scope, boolean optional, int size)
      throws IOException {
    String[] parts = coordinates.split(":");
    Path file = Files.createDirectories(repo.resolve(parts[0])).resolve(parts[1] + ".jar");
    Files.write(file, new byte[size]);
    return new DependencyJar(
        parts[0],
        parts[1],
        parts[2],
        null,
        "jar",
        "jar",
        scope,
        optional,
        parts[2].endsWith("-SNAPSHOT"),
        file);
  }

  private ApplicationLayout layout(boolean boot, JarMembership membership, DependencyJar... jars) {
    return new ApplicationLayout(
        new ApplicationLayout.Module(SELF, module, output, boot, List.of(jars)),
        module.resolve("target/dockyard"),
        membership,
        dir.resolve("reactor-jars"));
  }

  private ApplicationLayout layout(DependencyJar... jars) {
    return layout(false, JarMembership.of(Set.of(), List.of()), jars);
  }

  private List<String> filesIn(String folder) throws IOException {
    Path root = module.resolve(folder);
    List<String> names = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(file -> names.add(root.relativize(file).toString().replace('\\', '/')));
    }
    return names.stream().sorted().toList();
  }

  @Test
  void namesItsFoldersRelativeToTheModule() throws IOException {
    assertThat(layout().layOut())
        .containsExactly(
            entry("dockyard.libs", APP + "libs"),
            entry("dockyard.snapshotLibs", APP + "snapshot-libs"),
            entry("dockyard.resources", APP + "resources"),
            entry("dockyard.classes", APP + "classes"));
  }

  @Test
  void laysOutEveryRuntimeJarInClasspathOrder() throws IOException {
    ApplicationLayout layout =
        layout(
            jar("org.z:zeta:2.0", "runtime", false),
            jar("org.t:junit:5.0", "test", false),
            jar("org.a:alpha:1.0", "compile", false));

    layout.layOut();

    assertThat(layout.classpathJars()).containsExactly("zeta-2.0.jar", "alpha-1.0.jar");
    assertThat(filesIn(APP + "libs")).containsExactly("alpha-1.0.jar", "zeta-2.0.jar");
    assertThat(layout.libraryLayers()).containsExactly(APP + "layers/own");
    assertThat(filesIn(APP + "layers/own")).containsExactly("alpha-1.0.jar", "zeta-2.0.jar");
  }

  @Test
  void skipsAJarWhoseFileIsGone() throws IOException {
    DependencyJar gone = jar("org.g:gone:1.0", "compile", false);
    Files.delete(gone.file());

    ApplicationLayout layout = layout(gone, jar("org.a:alpha:1.0", "compile", false));
    layout.layOut();

    assertThat(layout.classpathJars()).containsExactly("alpha-1.0.jar");
  }

  @Test
  void snapshotsGoAlsoIntoTheirOwnFolderAndIntoNoLayer() throws IOException {
    ApplicationLayout layout =
        layout(
            jar("org.s:snap:1.0-SNAPSHOT", "compile", false),
            jar("org.r:rel:1.0", "compile", false));

    String snapshots = layout.layOut().get("dockyard.snapshotLibs");

    assertThat(layout.classpathJars()).containsExactly("snap-1.0-SNAPSHOT.jar", "rel-1.0.jar");
    assertThat(filesIn(snapshots)).containsExactly("snap-1.0-SNAPSHOT.jar");
    assertThat(filesIn(APP + "layers")).containsExactly("own/rel-1.0.jar");
  }

  @Test
  void twoJarsOfOneNameAreToldApartByTheirGroup() throws IOException {
    ApplicationLayout layout =
        layout(jar("org.a:core:1.0", "compile", false), jar("org.b:core:1.0", "compile", false));

    layout.layOut();

    assertThat(layout.classpathJars()).containsExactly("core-1.0.jar", "org.b-core-1.0.jar");
    assertThat(filesIn(APP + "layers/own")).containsExactly("core-1.0.jar", "org.b-core-1.0.jar");
  }

  @Test
  void aBootModuleLeavesOutDevtoolsAndOptionalJars() throws IOException {
    DependencyJar[] jars = {
      jar("org.springframework.boot:spring-boot-devtools:3.2.0", "runtime", false),
      jar("org.o:optional:1.0", "compile", true),
      jar("org.a:alpha:1.0", "compile", false)
    };

    ApplicationLayout boot = layout(true, JarMembership.of(Set.of(), List.of()), jars);
    boot.layOut();
    List<String> bootJars = boot.classpathJars();
    ApplicationLayout plain = layout(jars);
    plain.layOut();

    assertThat(bootJars).containsExactly("alpha-1.0.jar");
    assertThat(plain.classpathJars())
        .containsExactly("spring-boot-devtools-3.2.0.jar", "optional-1.0.jar", "alpha-1.0.jar");
  }

  @Test
  void reactorJarsLoseTheirVersionAndMavenMetadataAndComeInALastLayer() throws IOException {
    DependencyJar lib = reactorJar();
    DependencyJar release = jar("org.a:alpha:1.0", "compile", false);
    JarMembership membership = JarMembership.of(Set.of("it:lib"), List.of());

    ApplicationLayout layout = layout(false, membership, lib, release);
    layout.layOut();

    assertThat(layout.classpathJars()).containsExactly("lib.jar", "alpha-1.0.jar");
    assertThat(layout.libraryLayers()).containsExactly(APP + "layers/own", APP + "layers/reactor");
    assertThat(filesIn(APP + "layers/reactor")).containsExactly("lib.jar");
    try (ZipFile zip = new ZipFile(module.resolve(APP + "libs/lib.jar").toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("it/lib/Lib.class");
    }
    Path linked = module.resolve(APP + "layers/reactor/lib.jar").toRealPath();
    assertThat(layout.origins().get(linked)).startsWith(dir.resolve("reactor-jars"));
  }

  @Test
  void aReactorArtifactThatIsNoJarIsLaidOutAsItIs() throws IOException {
    DependencyJar lib = jar("it:lib:1.0", "compile", false);
    Path zip = Files.move(lib.file(), lib.file().resolveSibling("lib-1.0.zip"));
    DependencyJar asZip =
        new DependencyJar("it", "lib", "1.0", null, "zip", "zip", "compile", false, false, zip);

    ApplicationLayout layout = layout(false, JarMembership.of(Set.of("it:lib"), List.of()), asZip);
    layout.layOut();

    assertThat(layout.classpathJars()).containsExactly("lib-1.0.zip");
    assertThat(layout.libraryLayers()).containsExactly(APP + "layers/own");
  }

  private DependencyJar reactorJar() throws IOException {
    Path file = Files.createDirectories(dir.resolve("lib/target")).resolve("lib-1.0.jar");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : List.of("META-INF/maven/it/lib/pom.properties", "it/lib/Lib.class")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(name.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return new DependencyJar("it", "lib", "1.0", null, "jar", "jar", "compile", false, false, file);
  }

  @Test
  void jarsSharedByImageModulesGetALayerOfTheirOwnBeforeTheModulesOwn() throws IOException {
    int big = (int) JarGroups.SMALL_GROUP + 1;
    DependencyJar shared = jar("org.big:shared:1.0", "compile", false, big);
    DependencyJar own = jar("org.a:alpha:1.0", "compile", false);
    JarMembership membership =
        JarMembership.of(
            Set.of(),
            List.of(
                new JarMembership.Resolved(SELF, false, List.of(shared, own)),
                new JarMembership.Resolved("it:billing:jar:1.0", false, List.of(shared))));

    ApplicationLayout layout = layout(false, membership, own, shared);
    layout.layOut();

    assertThat(layout.libraryLayers()).hasSize(2);
    assertThat(layout.libraryLayers().get(0)).matches(APP + "layers/shared-2-[0-9a-f]{8}");
    assertThat(layout.libraryLayers().get(1)).isEqualTo(APP + "layers/own");
    assertThat(filesIn(layout.libraryLayers().get(0))).containsExactly("shared-1.0.jar");
    assertThat(filesIn(APP + "layers/own")).containsExactly("alpha-1.0.jar");
  }

  @Test
  void everyLinkRemembersTheJarItCameFrom() throws IOException {
    DependencyJar alpha = jar("org.a:alpha:1.0", "compile", false);
    ApplicationLayout layout = layout(alpha);
    layout.layOut();

    assertThat(layout.origins())
        .containsOnly(
            entry(module.resolve(APP + "libs/alpha-1.0.jar").toRealPath(), alpha.file()),
            entry(module.resolve(APP + "layers/own/alpha-1.0.jar").toRealPath(), alpha.file()));
  }

  @Test
  void classesAndResourcesGoToTheirFoldersAndResourcesRewrittenByEveryBuildApart()
      throws IOException {
    for (String file :
        List.of(
            "com/example/Main.class",
            "application.properties",
            "git.properties",
            "META-INF/git.properties",
            "META-INF/build-info.properties",
            "static/git.properties")) {
      Files.createDirectories(output.resolve(file).getParent());
      Files.writeString(output.resolve(file), file);
    }
    ApplicationLayout layout = layout();

    layout.layOut();

    assertThat(filesIn(APP + "classes")).containsExactly("com/example/Main.class");
    assertThat(filesIn(APP + "resources"))
        .containsExactlyInAnyOrder(
            "application.properties",
            "git.properties",
            "META-INF/git.properties",
            "META-INF/build-info.properties",
            "static/git.properties");
    assertThat(layout.stableResources()).isEqualTo(APP + "stable-resources");
    assertThat(filesIn(layout.stableResources()))
        .containsExactly("application.properties", "static/git.properties");
    assertThat(layout.volatileResources()).isEqualTo(APP + "volatile-resources");
    assertThat(filesIn(layout.volatileResources()))
        .containsExactly(
            "META-INF/build-info.properties", "META-INF/git.properties", "git.properties");
  }

  @Test
  void layingOutAgainLeavesNothingOfTheLastLayout() throws IOException {
    layout(jar("org.a:alpha:1.0", "compile", false)).layOut();

    ApplicationLayout again = layout();
    again.layOut();

    assertThat(ApplicationLayout.hasFiles(module.resolve(APP))).isFalse();
    assertThat(again.libraryLayers()).isEmpty();
    assertThat(Files.isDirectory(module.resolve(APP + "stable-resources"))).isTrue();
  }

  /** A jar whose mode is not the normal one: the layout holds a copy, a file of its own. */
  private DependencyJar copiedJar(String coordinates) throws IOException {
    DependencyJar jar = jar(coordinates, "compile", false);
    Files.setPosixFilePermissions(jar.file(), PosixFilePermissions.fromString("rw-rw-r--"));
    return jar;
  }

  /** Marks the layout's copy of a jar, which a new layout would copy again from its source. */
  private void mark(String laidOut) throws IOException {
    Files.writeString(module.resolve(laidOut), "marked");
  }

  private boolean marked(String laidOut) throws IOException {
    return Files.readString(module.resolve(laidOut)).equals("marked");
  }

  @Test
  void theSameFilesLaidOutAgainKeepTheLastLayout() throws IOException {
    DependencyJar alpha = copiedJar("org.a:alpha:1.0");
    Files.createDirectories(output.resolve("com/example"));
    Files.writeString(output.resolve("com/example/Main.class"), "main");
    ApplicationLayout first = layout(alpha);
    Map<String, String> firstFolders = first.layOut();
    mark(APP + "libs/alpha-1.0.jar");

    ApplicationLayout again = layout(alpha);
    Map<String, String> folders = again.layOut();

    assertThat(marked(APP + "libs/alpha-1.0.jar")).as("not copied again").isTrue();
    assertThat(folders).isEqualTo(firstFolders);
    assertThat(again.origins()).isEqualTo(first.origins());
    assertThat(again.classpathJars()).isEqualTo(first.classpathJars());
    assertThat(again.libraryLayers()).isEqualTo(first.libraryLayers());
    assertThat(filesIn(APP + "classes")).containsExactly("com/example/Main.class");
  }

  @Test
  void aSourceThatChangedIsLaidOutAgain() throws IOException {
    DependencyJar alpha = copiedJar("org.a:alpha:1.0");
    layout(alpha).layOut();

    Files.write(alpha.file(), new byte[150]);
    layout(alpha).layOut();

    assertThat(Files.size(module.resolve(APP + "libs/alpha-1.0.jar"))).isEqualTo(150);
    assertThat(Files.size(module.resolve(APP + "layers/own/alpha-1.0.jar"))).isEqualTo(150);
  }

  @Test
  void aClassGoneFromTheOutputLeavesTheLayout() throws IOException {
    Files.createDirectories(output.resolve("com/example"));
    Files.writeString(output.resolve("com/example/Main.class"), "main");
    Files.writeString(output.resolve("com/example/Old.class"), "old");
    layout().layOut();

    Files.delete(output.resolve("com/example/Old.class"));
    layout().layOut();

    assertThat(filesIn(APP + "classes")).containsExactly("com/example/Main.class");
  }

  @Test
  void aLaidOutFileRemovedByHandLaysOutAgain() throws IOException {
    DependencyJar alpha = copiedJar("org.a:alpha:1.0");
    layout(alpha).layOut();

    Files.delete(module.resolve(APP + "layers/own/alpha-1.0.jar"));
    layout(alpha).layOut();

    assertThat(filesIn(APP + "layers/own")).containsExactly("alpha-1.0.jar");
  }

  @Test
  void aDamagedRecordOfTheLastLayoutLaysOutAgain() throws IOException {
    DependencyJar alpha = copiedJar("org.a:alpha:1.0");
    layout(alpha).layOut();
    mark(APP + "libs/alpha-1.0.jar");

    Path record = module.resolve("target/dockyard/" + ApplicationLayout.RECORD);
    Files.writeString(record, Files.readString(record).replace("alpha", "alpho"));
    layout(alpha).layOut();

    assertThat(marked(APP + "libs/alpha-1.0.jar")).as("copied again").isFalse();
  }

  @Test
  void aFolderHasFilesOnlyWhenAFileIsSomewhereBelowIt() throws IOException {
    Path folder = dir.resolve("folder");
    assertThat(ApplicationLayout.hasFiles(folder)).isFalse();

    Files.createDirectories(folder.resolve("a/b"));
    assertThat(ApplicationLayout.hasFiles(folder)).isFalse();

    Files.writeString(folder.resolve("a/b/file"), "x");
    assertThat(ApplicationLayout.hasFiles(folder)).isTrue();
  }
}
