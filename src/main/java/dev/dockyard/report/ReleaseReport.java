package dev.dockyard.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockyard.compose.Service;
import dev.dockyard.files.FileAccessException;
import dev.dockyard.files.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and writes {@code target/dockyard/release.json} at the execution root: every module of the
 * reactor, the image it became or why it did not, and whether the release's tags moved.
 */
public final class ReleaseReport {

  public static final String FILE = "release.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReleaseReport() {}

  /**
   * The whole release.
   *
   * @param outcome {@code tagged} (every image carries its tags), {@code not tagged} (a module
   *     failed, no tag moved), {@code partly tagged} (tagging failed half-way), {@code built}
   *     (nothing was pushed) or {@code pushed} (each module tagged as it pushed)
   * @param reason why the tags did not move, or empty
   * @param modules every module of the reactor, in reactor order
   */
  public record Release(String outcome, String reason, List<Module> modules) {}

  /**
   * One module of the reactor.
   *
   * @param module the artifactId
   * @param status {@code tagged}, {@code pushed}, {@code staged} (blobs and manifest pushed, tags
   *     not moved), {@code built}, {@code planned}, {@code skipped}, {@code failed} or {@code not
   *     built}
   * @param image the image name without tag, empty when there is none
   * @param tags the tags the image carries or was to carry
   * @param digest the manifest digest, empty when unknown
   * @param size the compressed size of config and layers in bytes, -1 when unknown
   * @param newBytes bytes of it new to the registry, -1 when unknown
   * @param sharedBytes bytes of it the registry already held, -1 when unknown
   * @param change {@code new}, {@code changed} or {@code unchanged}, empty when not compared
   * @param previousDigest the digest of the release compared with, empty when none
   * @param since the tag of the release compared with, empty when not compared
   * @param reason why the module was skipped or not tagged, empty otherwise
   * @param service how the image runs in the release bundle, null for a module that is no image
   */
  public record Module(
      String module,
      String status,
      String image,
      List<String> tags,
      String digest,
      long size,
      long newBytes,
      long sharedBytes,
      String change,
      String previousDigest,
      String since,
      String reason,
      Service service) {

    /** The module with how its image runs in the bundle. */
    public Module withService(Service settings) {
      return new Module(
          module,
          status,
          image,
          tags,
          digest,
          size,
          newBytes,
          sharedBytes,
          change,
          previousDigest,
          since,
          reason,
          settings);
    }

    /** The module as its summary row tells it. */
    public static Module of(SummaryRow row) {
      List<String> tags =
          row.tags().isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(row.tags().split(",")));
      long newBytes = row.size() < 0 || row.shared() < 0 ? -1 : row.size() - row.shared();
      return new Module(
          row.module(),
          row.outcome(),
          row.image(),
          tags,
          row.digest(),
          row.size(),
          newBytes,
          row.shared(),
          row.change(),
          row.previousDigest(),
          row.since(),
          row.reason(),
          null);
    }
  }

  /** Writes the file whole or not at all. */
  public static void write(Path file, Release release) throws IOException {
    try {
      byte[] json = (JSON.writeValueAsString(release) + "\n").getBytes(StandardCharsets.UTF_8);
      WholeFile.replace(file, out -> out.write(json));
    } catch (IOException e) {
      throw new FileAccessException("writing the release record", file, e);
    }
  }

  /** Reads a file written by {@link #write}. */
  public static Release read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Release.class);
  }
}
