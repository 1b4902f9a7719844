package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorJarTest {

  @TempDir Path dir;

  private Path jar(String name, String version, long time) throws IOException {
    Path file = dir.resolve(name + "-" + version + ".jar");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", time);
      entry(zip, "META-INF/maven/it/lib/pom.properties", "version=" + version + "\n", time);
      entry(zip, "META-INF/maven/it/lib/pom.xml", "<project/>", time);
      entry(zip, "it/lib/Lib.class", "bytes of the class", time);
    }
    return file;
  }

  private static void entry(ZipOutputStream zip, String name, String content, long time)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FileTime.fromMillis(time));
    zip.putNextEntry(entry);
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void givesTheSameBytesAcrossAVersionBumpAndAnotherBuildTime() throws IOException {
    Path first = jar("lib", "1.0.0", 1_700_000_000_000L);
    Path second = jar("lib", "1.0.1", 1_800_000_000_000L);

    assertThat(ReactorJar.normalize(first)).isEqualTo(ReactorJar.normalize(second));
  }

  @Test
  void leavesOutMavenMetadataAndKeepsTheRestInOrder() throws IOException {
    Path normalized = ReactorJar.normalized(jar("lib", "1.0.0", 0), "lib.jar", dir.resolve("c"));

    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(normalized.toFile())) {
      zip.stream().forEach(entry -> names.add(entry.getName()));
      assertThat(zip.getEntry("it/lib/Lib.class").getTimeLocal()).isEqualTo(ReactorJar.ENTRY_TIME);
    }
    assertThat(names).containsExactly("META-INF/MANIFEST.MF", "it/lib/Lib.class");
    assertThat(normalized.getFileName().toString()).isEqualTo("lib.jar");
  }

  @Test
  void keepsOneFileForOneContentSoItsTimeDoesNotMove() throws IOException {
    Path cache = dir.resolve("cache");
    Path first = ReactorJar.normalized(jar("lib", "1.0.0", 0), "lib.jar", cache);
    FileTime written = Files.getLastModifiedTime(first);
    Path again = ReactorJar.normalized(jar("lib", "1.0.1", 5_000), "lib.jar", cache);

    assertThat(again).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(again)).isEqualTo(written);
  }

  @Test
  void givesAnotherFileForOtherContent() throws IOException {
    Path cache = dir.resolve("cache");
    Path first = ReactorJar.normalized(jar("lib", "1.0.0", 0), "lib.jar", cache);
    Path other = dir.resolve("other.jar");
    try (OutputStream out = Files.newOutputStream(other);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      entry(zip, "it/lib/Lib.class", "other bytes", 0);
    }

    assertThat(ReactorJar.normalized(other, "lib.jar", cache)).isNotEqualTo(first);
  }

  @Test
  void aKeptJarCutShortOrChangedIsWrittenAgain() throws IOException {
    Path cache = dir.resolve("cache");
    Path source = jar("lib", "1.0.0", 0);
    byte[] right = ReactorJar.normalize(source);
    Path kept = ReactorJar.normalized(source, "lib.jar", cache);
    Files.write(kept, java.util.Arrays.copyOf(right, right.length / 2));

    assertThat(ReactorJar.normalized(source, "lib.jar", cache)).hasBinaryContent(right);

    byte[] changed = right.clone();
    changed[changed.length / 2] ^= 0x5a;
    Files.write(kept, changed);

    assertThat(ReactorJar.normalized(source, "lib.jar", cache)).hasBinaryContent(right);
  }
}
