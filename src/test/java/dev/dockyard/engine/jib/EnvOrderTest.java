package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ENV variables a Dockerfile adds, put in the order docker build writes them. */
class EnvOrderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void theBaseImagesVariablesStayWhereTheyAreAndTheAddedOnesFollowInTheDockerfilesOrder() {
    assertThat(
            EnvOrder.dockerOrder(
                List.of(
                    "PATH=/opt/svc/bin:/usr/bin",
                    "JAVA_HOME=/opt/java",
                    "VERSION=1.2",
                    "APP_HOME=/opt/svc"),
                Set.of("PATH", "JAVA_HOME"),
                List.of("APP_HOME", "VERSION", "PATH")))
        .containsExactly(
            "PATH=/opt/svc/bin:/usr/bin",
            "JAVA_HOME=/opt/java",
            "APP_HOME=/opt/svc",
            "VERSION=1.2");
  }

  @Test
  void anImageWithFewerThanTwoVariablesOfItsOwnIsNotReadBack() throws Exception {
    Path missing = tmp.resolve("no-such-image.tar");
    StagedPush.Pushed written = new StagedPush.Pushed("sha256:" + "a".repeat(64), null);
    EnvOrder order =
        new EnvOrder(
            List.of("APP_HOME"),
            () -> {
              throw new AssertionError("the base image's config is not needed");
            });

    assertThat(order.inTarball(missing, written)).isSameAs(written);
    assertThat(order.inRegistry(null, written, List.of())).isSameAs(written);
  }

  @Test
  void aConfigInTheDockerfilesOrderIsLeftAsItIsWithoutReadingTheBaseImage() throws Exception {
    EnvOrder order =
        new EnvOrder(
            List.of("APP_HOME", "VERSION"),
            () -> {
              throw new AssertionError("the base image's config is not needed");
            });
    byte[] config = config("JAVA_HOME=/opt/java", "APP_HOME=/opt/svc", "VERSION=1.2");

    assertThat(order.reorder(config)).isNull();
  }

  @Test
  void aConfigInAnotherOrderIsWrittenAgainWithOnlyItsEnvReordered() throws Exception {
    EnvOrder order = new EnvOrder(List.of("APP_HOME", "VERSION"), () -> Set.of("JAVA_HOME"));
    byte[] config = config("JAVA_HOME=/opt/java", "VERSION=1.2", "APP_HOME=/opt/svc");

    JsonNode before = JSON.readTree(config);
    JsonNode after = JSON.readTree(order.reorder(config));

    assertThat(after.path("config").path("Env"))
        .extracting(JsonNode::asText)
        .containsExactly("JAVA_HOME=/opt/java", "APP_HOME=/opt/svc", "VERSION=1.2");
    ((ObjectNode) before.path("config")).remove("Env");
    ((ObjectNode) after.path("config")).remove("Env");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void jibsTarballIsWrittenAgainInDockersOrderWithTheDigestARegistryWouldGiveIt() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("APP_HOME", "/opt/svc");
    env.put("VERSION", "1.2");
    Path tarball = tmp.resolve("image.tar");
    JibContainer container =
        Jib.fromScratch()
            .setEnvironment(env)
            .setProgramArguments(List.of("run"))
            .containerize(
                Containerizer.to(TarImage.at(tarball).named("env/order:1"))
                    .setApplicationLayersCache(tmp.resolve("cache/layers"))
                    .setBaseImageLayersCache(tmp.resolve("cache/base")));
    EnvOrder.Tarball written = EnvOrder.Tarball.read(tarball);
    assertThat(env(written.config()))
        .as("jib writes the added variables in a hash map's order")
        .containsExactly("VERSION=1.2", "APP_HOME=/opt/svc");
    assertThat(written.image(written.config()).digest())
        .as("the manifest digest is computed as jib computes it")
        .isEqualTo(container.getDigest().toString());

    StagedPush.Pushed ordered =
        new EnvOrder(List.copyOf(env.keySet()), Set::of)
            .inTarball(tarball, StagedPush.Pushed.of(container));

    EnvOrder.Tarball read = EnvOrder.Tarball.read(tarball);
    assertThat(env(read.config())).containsExactly("APP_HOME=/opt/svc", "VERSION=1.2");
    assertThat(ordered).isEqualTo(read.image(read.config()));
    assertThat(ordered.digest()).isNotEqualTo(container.getDigest().toString());
    assertThat(read.layers()).isEqualTo(written.layers());
  }

  private static List<String> env(byte[] config) throws Exception {
    return java.util.stream.StreamSupport.stream(
            JSON.readTree(config).path("config").path("Env").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  /** A config as jib-core writes one (every field its template has), with this Env. */
  private static byte[] config(String... env) throws Exception {
    ObjectNode config = JSON.createObjectNode();
    config.put("created", "1970-01-01T00:00:00Z");
    config.put("architecture", "amd64");
    config.put("os", "linux");
    ObjectNode inner = config.putObject("config");
    inner
        .putArray("Env")
        .addAll(List.of(env).stream().map(JSON.getNodeFactory()::textNode).toList());
    inner.putArray("Cmd").add("run");
    config.putArray("history");
    config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    return JSON.writeValueAsBytes(config);
  }
}
