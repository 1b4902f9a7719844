package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Image names against the distribution reference grammar, and the errors users read. */
class ImageNameTest {

  private static final String REGISTRY_RULE =
      "a registry is a host name, an IPv4 address, [IPv6] or localhost, optionally followed by"
          + " :port (e.g. registry.example.com or 127.0.0.1:5000), without scheme or path";
  private static final String REPOSITORY_RULE =
      "repository names are lowercase letters, digits and separators . _ __ -, and must start"
          + " and end with a letter or digit";
  private static final String NAMESPACE_RULE =
      "namespace names are lowercase letters, digits and separators . _ __ -, and must start"
          + " and end with a letter or digit";

  static Stream<Arguments> validNames() {
    return Stream.of(
        Arguments.of(
            "registry.example.com",
            "team",
            "order-service",
            "registry.example.com/team/order-service"),
        Arguments.of("127.0.0.1:5000", null, "order-service", "127.0.0.1:5000/order-service"),
        Arguments.of("localhost", "", "app", "localhost/app"),
        Arguments.of("localhost:5443", "a/b/c", "app", "localhost:5443/a/b/c/app"),
        Arguments.of("[::1]:5000", null, "app", "[::1]:5000/app"),
        Arguments.of("Registry-1.Example.COM:443", null, "app", "Registry-1.Example.COM:443/app"),
        Arguments.of("myregistry:5000", null, "app", "myregistry:5000/app"),
        Arguments.of(null, "team", "app", "team/app"),
        Arguments.of("  ", null, "app", "app"),
        Arguments.of(null, null, "a.b_c__d--e---f", "a.b_c__d--e---f"),
        Arguments.of(null, null, "0", "0"),
        Arguments.of(null, null, "  app  ", "app"),
        Arguments.of(null, null, null, "fallback-artifact"),
        Arguments.of(null, null, " ", "fallback-artifact"));
  }

  @ParameterizedTest(name = "[{index}] {3}")
  @MethodSource("validNames")
  void buildsNamesThatFollowTheDistributionGrammar(
      String registry, String namespace, String repository, String expected)
      throws InvalidImageNameException {
    ImageName name = ImageName.of(registry, namespace, repository, "fallback-artifact");

    assertThat(name.name()).isEqualTo(expected);
    assertThat(name.toString()).isEqualTo(expected);
    assertThat(name.withTag("1.0")).isEqualTo(expected + ":1.0");
  }

  @Test
  void exposesTheParts() throws InvalidImageNameException {
    ImageName full = ImageName.of("127.0.0.1:5000", "team", null, "order-service");
    ImageName local = ImageName.of(null, null, "order-service", "ignored");

    assertThat(full.registry()).contains("127.0.0.1:5000");
    assertThat(full.namespace()).contains("team");
    assertThat(full.repository()).isEqualTo("order-service");
    assertThat(local.registry()).isEmpty();
    assertThat(local.namespace()).isEmpty();
    assertThat(local).isEqualTo(ImageName.of("", " ", "order-service", "x"));
    assertThat(local).hasSameHashCodeAs(ImageName.of(null, null, "order-service", "y"));
    assertThat(local).isNotEqualTo(full);
  }

  static Stream<Arguments> invalidNames() {
    String repoWhere = "<repository> / -Ddockyard.repository";
    String registryWhere = "<registry> / -Ddockyard.registry";
    return Stream.of(
        Arguments.of(
            null,
            null,
            "Order-Service",
            "Invalid image repository: 'Order-Service' at "
                + repoWhere
                + "; "
                + REPOSITORY_RULE
                + "; try 'order-service'"),
        Arguments.of(
            null,
            null,
            "order_",
            "Invalid image repository: 'order_' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "-order",
            "Invalid image repository: '-order' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "a___b",
            "Invalid image repository: 'a___b' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "a._b",
            "Invalid image repository: 'a._b' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "order service",
            "Invalid image repository: 'order service' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "a:b",
            "Invalid image repository: 'a:b' at " + repoWhere + "; " + REPOSITORY_RULE),
        Arguments.of(
            null,
            null,
            "a//b",
            "Invalid image repository: 'a//b' at "
                + repoWhere
                + "; "
                + REPOSITORY_RULE
                + " (each part between '/' on its own)"),
        Arguments.of(
            null,
            null,
            "Team/App",
            "Invalid image repository: 'Team/App' at "
                + repoWhere
                + "; "
                + REPOSITORY_RULE
                + " (each part between '/' on its own); try 'team/app'"),
        Arguments.of(
            null,
            "Team",
            "app",
            "Invalid image namespace: 'Team' at"
                + " <namespace> / -Ddockyard.namespace; "
                + NAMESPACE_RULE
                + "; try 'team'"),
        Arguments.of(
            null,
            "team/",
            "app",
            "Invalid image namespace: 'team/' at"
                + " <namespace> / -Ddockyard.namespace; "
                + NAMESPACE_RULE
                + " (each part between '/' on its own)"),
        Arguments.of(
            "https://registry.example.com",
            null,
            "app",
            "Invalid registry:"
                + " 'https://registry.example.com' at "
                + registryWhere
                + "; "
                + REGISTRY_RULE
                + "; remove 'https://'"),
        Arguments.of(
            "registry.example.com/team",
            null,
            "app",
            "Invalid registry:"
                + " 'registry.example.com/team' at "
                + registryWhere
                + "; "
                + REGISTRY_RULE),
        Arguments.of(
            "registry.example.com:",
            null,
            "app",
            "Invalid registry:"
                + " 'registry.example.com:' at "
                + registryWhere
                + "; "
                + REGISTRY_RULE),
        Arguments.of(
            "localhost:0",
            null,
            "app",
            "Invalid registry: 'localhost:0' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "localhost:65536",
            null,
            "app",
            "Invalid registry: 'localhost:65536' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "localhost:50a0",
            null,
            "app",
            "Invalid registry: 'localhost:50a0' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "256.0.0.1:5000",
            null,
            "app",
            "Invalid registry: '256.0.0.1:5000' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "-registry.example.com",
            null,
            "app",
            "Invalid registry: '-registry.example.com'"
                + " at "
                + registryWhere
                + "; "
                + REGISTRY_RULE),
        Arguments.of(
            "registry..example.com",
            null,
            "app",
            "Invalid registry: 'registry..example.com'"
                + " at "
                + registryWhere
                + "; "
                + REGISTRY_RULE),
        Arguments.of(
            "reg_istry.example.com",
            null,
            "app",
            "Invalid registry: 'reg_istry.example.com'"
                + " at "
                + registryWhere
                + "; "
                + REGISTRY_RULE),
        Arguments.of(
            ":5000",
            null,
            "app",
            "Invalid registry: ':5000' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "[zz]:5000",
            null,
            "app",
            "Invalid registry: '[zz]:5000' at " + registryWhere + "; " + REGISTRY_RULE),
        Arguments.of(
            "myregistry",
            null,
            "app",
            "Invalid registry: 'myregistry' at "
                + registryWhere
                + "; Docker reads a registry without '.' or ':port' as a Docker Hub namespace;"
                + " use the full host name (e.g. myregistry.example.com) or add the port (e.g."
                + " myregistry:5000)"));
  }

  @ParameterizedTest(name = "[{index}] {4}")
  @MethodSource("invalidNames")
  void rejectsEachViolationQuotingTheValueWhereItCameFromAndTheRule(
      String registry, String namespace, String repository, String message) {
    assertThatThrownBy(() -> ImageName.of(registry, namespace, repository, "fallback"))
        .isInstanceOf(InvalidImageNameException.class)
        .satisfies(thrown -> assertThat(Rendered.message(thrown)).isEqualTo(message));
  }

  @Test
  void buildsAnExplicitNameWithoutArtifactIdAndRequiresItsRepository()
      throws InvalidImageNameException {
    assertThat(ImageName.of("127.0.0.1:5000", null, "app").name()).isEqualTo("127.0.0.1:5000/app");
    assertThatThrownBy(() -> ImageName.of("127.0.0.1:5000", "team", " "))
        .isInstanceOf(InvalidImageNameException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Missing image repository: '' at <repository> / -Ddockyard.repository; set"
                            + " <repository> or -Ddockyard.repository"));
  }

  @Test
  void namesTheArtifactIdWhenTheDefaultRepositoryIsInvalid() {
    assertThatThrownBy(() -> ImageName.of(null, null, null, "OrderService"))
        .isInstanceOfSatisfying(
            InvalidImageNameException.class,
            e -> assertThat(e.badValue()).isEqualTo("OrderService"))
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Invalid image repository: 'OrderService' at ${project.artifactId}, the default of"
                            + " <repository> / -Ddockyard.repository; "
                            + REPOSITORY_RULE
                            + "; try 'orderservice'"));
  }

  @Test
  void acceptsANameOfExactly255CharactersAndRejectsOneMore() throws InvalidImageNameException {
    String registry = "registry.example.com:5000"; // 25 + '/' = 26 characters
    String fits = "a".repeat(255 - 26);

    assertThat(ImageName.of(registry, null, fits, "x").name()).hasSize(255);
    assertThatThrownBy(() -> ImageName.of(registry, "team", fits, "x"))
        .isInstanceOf(InvalidImageNameException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Image name too long: '"
                            + registry
                            + "/team/"
                            + fits
                            + "' at <registry> / -Ddockyard.registry, <namespace> / -Ddockyard.namespace,"
                            + " <repository> / -Ddockyard.repository; an image name, registry and namespace"
                            + " included, is at most 255 characters and this one has 260; shorten the"
                            + " namespace or the repository"));
  }
}
