package dev.dockyard.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ReleaseBundleTest {

  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @TempDir Path root;

  private Service service(
      Integer port, List<String> volumes, List<String> dependsOn, String health) {
    return new Service(
        "orders/pom.xml",
        root.resolve("orders").toString(),
        port,
        null,
        Map.of("MODE", "prod"),
        volumes,
        dependsOn,
        health,
        null,
        null,
        null,
        Map.of("/app/resources/app.properties", "file"));
  }

  private ReleaseBundle.Input input(int offset, Member... members) {
    return new ReleaseBundle.Input("shop-1-0-0", offset, List.of(members), root, Map.of(), null);
  }

  private Member member(String name, Service service) {
    return new Member(name, "reg:5000/shop/" + name + ":1.0.0@" + DIGEST, service);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> services(Path bundle) throws Exception {
    String text = Files.readString(bundle.resolve("compose.yaml"), StandardCharsets.UTF_8);
    return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(text)).get("services");
  }

  @Test
  void aGeneratedBundlePinsImagesMovesPortsByTheOffsetAndCarriesItsFiles() throws Exception {
    Files.createDirectories(root.resolve("orders/config"));
    Files.writeString(root.resolve("orders/config/app.yml"), "a: 1\n");
    Member orders =
        member(
            "orders",
            service(
                8080,
                List.of("config/app.yml:/app/config/app.yml:ro"),
                List.of("billing"),
                "/health"));
    Member billing = member("billing", service(8081, List.of(), List.of(), "/health"));

    Path bundle = ReleaseBundle.prepare(input(200, orders, billing)).commit();

    Map<String, Object> services = services(bundle);
    @SuppressWarnings("unchecked")
    Map<String, Object> generated = (Map<String, Object>) services.get("orders");
    assertThat(generated.get("image")).isEqualTo("reg:5000/shop/orders:1.0.0@" + DIGEST);
    assertThat(generated.get("container_name")).isEqualTo("shop-1-0-0-orders");
    assertThat(generated.get("network_mode")).isEqualTo("host");
    assertThat(generated.get("environment"))
        .isEqualTo(Map.of("MODE", "prod", "SERVER_PORT", "8280"));
    assertThat(generated.get("depends_on"))
        .isEqualTo(Map.of("billing", Map.of("condition", "service_healthy")));
    assertThat(generated.get("volumes").toString())
        .contains(
            "source=./files/orders/config/app.yml", "target=/app/config/app.yml", "read_only=true");
    assertThat(generated.get("healthcheck").toString())
        .contains("http://127.0.0.1:8280/health", ComposeGenerator.HEALTH_CLASS);
    assertThat(bundle.resolve("files/orders/config/app.yml")).hasContent("a: 1");
    assertThat(bundle.resolve(".env")).content().contains("COMPOSE_PROJECT_NAME=shop-1-0-0");
    assertThat(bundle.resolve("gateway/upstreams.conf"))
        .content()
        .contains(
            "upstream orders {\n    server 127.0.0.1:8280;\n}",
            "upstream billing {\n    server 127.0.0.1:8281;\n}");
    assertThat(bundle.resolve("health/dev/dockyard/compose/health/DockyardHealth.class")).exists();
  }

  @Test
  void aBridgeNetworkPublishesThePortInsteadOfMovingIt() throws Exception {
    Service bridge =
        new Service(
            "orders/pom.xml",
            root.toString(),
            8080,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "bridge",
            null);

    Path bundle = ReleaseBundle.prepare(input(300, member("orders", bridge))).commit();

    @SuppressWarnings("unchecked")
    Map<String, Object> orders = (Map<String, Object>) services(bundle).get("orders");
    assertThat(orders.get("ports")).isEqualTo(List.of("8380:8080"));
    assertThat(orders).doesNotContainKey("environment");
  }

  @Test
  void aMissingBindSourceFailsAndLeavesNoBundle() throws Exception {
    Member orders =
        member("orders", service(8080, List.of("config/app.yml:/app/app.yml"), null, null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0, orders)))
        .isInstanceOf(BundleException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith(
                        "Bind-mount source does not exist: "
                            + root.resolve("orders/config/app.yml")
                            + " for volume 'config/app.yml:/app/app.yml' of service orders in <service><volumes>"
                            + " of orders/pom.xml"));
    assertThat(root.resolve("target/dockyard")).isEmptyDirectory();
  }

  @Test
  void aFolderWhereTheImageHasAFileFails() throws Exception {
    Files.createDirectories(root.resolve("orders/config"));
    Member orders =
        member(
            "orders", service(8080, List.of("./config:/app/resources/app.properties"), null, null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0, orders)))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .contains(
                        "is a directory but the image has a file at /app/resources/app.properties"));
  }

  @Test
  void twoServicesOnOneHostPortFail() {
    Member a = member("orders", service(8080, null, null, null));
    Member b = member("billing", service(8080, null, null, null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(100, a, b)))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith(
                        "Services orders and billing of release shop-1-0-0 both listen on host port 8180"));
  }

  @Test
  void aDependencyThatIsNoServiceOfTheReleaseFails() {
    Member orders = member("orders", service(8080, null, List.of("biling"), null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0, orders)))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith(
                        "Unknown service 'biling' in <service><dependsOn> of orders/pom.xml"));
  }

  @Test
  void anInvalidVolumeNamesItsShape() {
    Member orders = member("orders", service(8080, List.of("just-a-name"), null, null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0, orders)))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith("Invalid volume 'just-a-name' of service orders"));
  }

  @Test
  void aTemplateIsRenderedAndItsBindSourcesCopied() throws Exception {
    Path docker = root.resolve("src/main/docker");
    Files.createDirectories(docker.resolve("config"));
    Files.writeString(docker.resolve("config/app.yml"), "b: 2\n");
    Files.writeString(
        docker.resolve("compose.yaml"),
        "services:\n  orders:\n    image: ${dockyard.image.orders}\n    environment:\n"
            + "      PORT: \"${dockyard.port.orders}\"\n      OPTS: ${OPTS}\n    volumes:\n"
            + "      - ./config/app.yml:/app/app.yml:ro\n");

    Path bundle =
        ReleaseBundle.prepare(input(100, member("orders", service(8080, null, null, null))))
            .commit();

    assertThat(bundle.resolve("compose.yaml"))
        .content()
        .contains("image: reg:5000/shop/orders:1.0.0@" + DIGEST, "PORT: \"8180\"", "OPTS: ${OPTS}");
    assertThat(bundle.resolve("config/app.yml")).hasContent("b: 2");
  }

  @Test
  void aTemplateThatIsNotYamlNamesLineAndColumn() throws Exception {
    Path docker = Files.createDirectories(root.resolve("src/main/docker"));
    Files.writeString(docker.resolve("compose.yaml"), "services:\n  a:\n    image: x\n   b: y\n");

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0)))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .startsWith("Invalid YAML in the compose template: "))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .contains(" at src/main/docker/compose.yaml:4:4; fix the YAML there"));
  }

  @Test
  void aYamlProblemQuotingALineBreakStaysOnOneLine() {
    // found by ComposeTemplateFuzzTest: snakeyaml's problem text ends with the line break it met
    assertThatThrownBy(() -> ComposeYaml.read("\"\\x\"\nservices:", ReleaseBundle.TEMPLATE))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Invalid YAML in the compose template: expected escape sequence of 2 hexadecimal"
                            + " numbers, but found: \"\\n at src/main/docker/compose.yaml:1:4; fix the YAML there"));
  }

  @Test
  void aValueThatDoesNotFitItsTagIsNamedNotThrownAsANumberFormatException() {
    // found by ComposeTemplateFuzzTest
    assertThatThrownBy(() -> ComposeYaml.read("i: !!int abc", ReleaseBundle.TEMPLATE))
        .isInstanceOf(BundleException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Invalid YAML in the compose template src/main/docker/compose.yaml: a value does not"
                            + " fit its tag (For input string: \"abc\"); fix the value or remove its tag"
                            + " (!!int, !!float, !!timestamp, ...)"));
  }

  @Test
  void aFailedBundleLeavesThePreviousOneInPlace() throws Exception {
    Path first =
        ReleaseBundle.prepare(input(0, member("orders", service(8080, null, null, null)))).commit();
    Member broken = member("orders", service(8080, List.of("missing.yml/x:/app/x"), null, null));

    assertThatThrownBy(() -> ReleaseBundle.prepare(input(0, broken)))
        .isInstanceOf(BundleException.class);

    assertThat(first.resolve("compose.yaml")).exists();
    try (var entries = Files.list(root.resolve("target/dockyard"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("release");
    }
  }
}
