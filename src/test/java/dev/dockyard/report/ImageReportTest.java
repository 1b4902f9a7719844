package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.engine.ImageResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReportTest {

  @TempDir Path dir;

  private final ImageResult result =
      new ImageResult(
          "127.0.0.1:5000/shop/order-service",
          List.of("1.0.0", "latest"),
          "sha256:" + "a".repeat(64),
          "sha256:" + "b".repeat(64),
          "jib",
          true,
          1234,
          1000);

  @Test
  void writesImageJsonWithTheContractFieldsAndTheDigestFile() throws Exception {
    new ImageReport(dir).write(result);

    String json = Files.readString(dir.resolve("image.json"));
    assertThat(json)
        .contains("\"image\" : \"127.0.0.1:5000/shop/order-service\"")
        .contains("\"tags\" : [ \"1.0.0\", \"latest\" ]")
        .contains("\"digest\" : \"sha256:aaaa")
        .contains("\"imageId\" : \"sha256:bbbb")
        .contains("\"engine\" : \"jib\"")
        .contains("\"pushed\" : true");
    assertThat(Files.readString(dir.resolve("image.digest"))).isEqualTo(result.digest() + "\n");
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    ImageReport report = new ImageReport(dir);
    report.write(result);

    assertThat(report.read()).contains(result);
  }

  @Test
  void deleteLeavesNoStaleResult() throws Exception {
    ImageReport report = new ImageReport(dir);
    report.write(result);
    report.delete();

    assertThat(report.read()).isEmpty();
    assertThat(dir.resolve("image.digest")).doesNotExist();
  }
}
