package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.dockyard.maven.Rendered;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.RegistryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryBaseImagesTest {

  private final RegistryBaseImages images = new RegistryBaseImages();

  private static RegistryPolicy policy(List<String> insecure, Map<String, String> mirrors) {
    return new RegistryPolicy(
        insecure, mirrors, r -> Optional.empty(), null, CaCertificates.none());
  }

  @Test
  void aDockerHubImageWithAMirrorIsFetchedThroughTheMirror() {
    RegistryPolicy mirrored = policy(List.of(), Map.of("docker.io", "nexus.corp:5000/hub"));

    assertThat(images.reasonToFetch("eclipse-temurin:17", mirrored))
        .hasValueSatisfying(
            reason -> assertThat(Rendered.text(reason)).startsWith("<mirrors> sends "));
  }

  @Test
  void aDockerHubImageWithoutMirrorIsLeftToTheEngineAndItsOwnMirrors() {
    assertThat(images.reasonToFetch("eclipse-temurin:17", policy(List.of(), Map.of()))).isEmpty();
  }

  @Test
  void anIntranetRegistryListedInsecureIsFetchedByDockyard() {
    RegistryPolicy insecure = policy(List.of("nexus.corp:5000"), Map.of());

    assertThat(images.reasonToFetch("nexus.corp:5000/java:17", insecure).map(Rendered::text))
        .contains("<insecureRegistries> lists nexus.corp:5000");
    assertThat(images.reasonToFetch("other.corp:5000/java:17", insecure)).isEmpty();
  }

  @Test
  void loopbackRegistriesAreTheEnginesOwn() {
    RegistryPolicy insecure = policy(List.of("127.0.0.1:5000"), Map.of());

    assertThat(images.reasonToFetch("127.0.0.1:5000/base/java17:latest", insecure)).isEmpty();
    assertThat(images.reasonToFetch("localhost:5000/base/java17", insecure)).isEmpty();
  }

  @Test
  void scratchAndDigestOnlyReferencesAreNeverFetched() {
    RegistryPolicy mirrored = policy(List.of(), Map.of("docker.io", "nexus.corp:5000/hub"));

    assertThat(images.reasonToFetch("scratch", mirrored)).isEmpty();
    assertThat(
            images.reasonToFetch(
                "eclipse-temurin@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                mirrored))
        .as("docker load names images by tag only")
        .isEmpty();
  }

  @Test
  void theEngineKnowsTheImageByTheNameItsFromLineGives() throws Exception {
    assertThat(RegistryBaseImages.repoTag(ImageReference.parse("eclipse-temurin:17")))
        .isEqualTo("eclipse-temurin:17");
    assertThat(RegistryBaseImages.repoTag(ImageReference.parse("eclipse-temurin")))
        .isEqualTo("eclipse-temurin:latest");
    assertThat(RegistryBaseImages.repoTag(ImageReference.parse("nexus.corp:5000/java/jre:17")))
        .isEqualTo("nexus.corp:5000/java/jre:17");
    assertThat(
            RegistryBaseImages.repoTag(
                ImageReference.parse(
                    "nexus.corp:5000/jre:17@sha256:"
                        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")))
        .isEqualTo("nexus.corp:5000/jre:17");
  }
}
