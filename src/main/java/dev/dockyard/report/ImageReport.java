package dev.dockyard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.files.FileAccessException;
import dev.dockyard.files.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@code target/dockyard/image.json} and {@code image.digest}. */
public final class ImageReport {

  public static final String JSON_FILE = "image.json";
  public static final String DIGEST_FILE = "image.digest";

  /** One mapper for every module: it learns how to write an {@link ImageResult} once. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path workDir;

  public ImageReport(Path workDir) {
    this.workDir = workDir;
  }

  /** Writes both files, replacing what an earlier build left. */
  public void write(ImageResult result) throws IOException {
    Files.createDirectories(workDir);
    writeAtomically(workDir.resolve(JSON_FILE), JSON.writeValueAsString(result) + "\n");
    writeAtomically(workDir.resolve(DIGEST_FILE), result.digest() + "\n");
  }

  /** The result an earlier build of this module wrote, if any. */
  public Optional<ImageResult> read() throws IOException {
    Path file = workDir.resolve(JSON_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readValue(file.toFile(), ImageResult.class));
  }

  /** Removes both files, so a failed build never leaves a stale result behind. */
  public void delete() throws IOException {
    Files.deleteIfExists(workDir.resolve(JSON_FILE));
    Files.deleteIfExists(workDir.resolve(DIGEST_FILE));
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    try {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      WholeFile.replace(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new FileAccessException("writing the image report", file, e);
    }
  }
}
