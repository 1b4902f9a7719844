package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.dockerfile.Location;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.RegistryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseImagesTest {

  private static final String DIGEST =
      "sha256:0d2c5b3cc512b92024fce265c93564cd41d7b5d9fd3e917c2cc0f93c7194cc02";

  private final RecordingLog log = new RecordingLog();

  private static RegistryPolicy mirrors(Map<String, String> mirrors) {
    return new RegistryPolicy(
        List.of(), mirrors, r -> Optional.empty(), null, CaCertificates.none());
  }

  private static ImageRecipe from(String baseImage) {
    return new ImageRecipe(
        baseImage,
        new Location("Dockerfile", 2),
        Map.of(),
        Map.of(),
        List.of(),
        null,
        null,
        List.of(),
        null,
        null,
        List.of());
  }

  private ImageRequest request(RegistryPolicy registries) {
    return TestImages.ordersRequest(registries, log);
  }

  @Test
  void aMirroredImageKeepsItsTag() throws Exception {
    ImageReference pulled =
        BaseImages.mirrored(
            ImageReference.parse("eclipse-temurin:17"),
            mirrors(Map.of("docker.io", "nexus.corp:5000/hub/")));

    assertThat(pulled.toString()).isEqualTo("nexus.corp:5000/hub/library/eclipse-temurin:17");
  }

  @Test
  void aMirroredImageKeepsItsDigest() throws Exception {
    ImageReference pulled =
        BaseImages.mirrored(
            ImageReference.parse("quay.io/base/java@" + DIGEST),
            mirrors(Map.of("quay.io", "nexus.corp:5000/quay")));

    assertThat(pulled.toString()).isEqualTo("nexus.corp:5000/quay/base/java@" + DIGEST);
  }

  @Test
  void anImageWithoutMirrorIsPulledAsNamed() throws Exception {
    ImageReference named = ImageReference.parse("quay.io/base/java:17");

    assertThat(BaseImages.mirrored(named, mirrors(Map.of("docker.io", "nexus.corp:5000/hub"))))
        .isSameAs(named);
  }

  @Test
  void theBaseImageSaysWhenItComesFromAMirror() throws Exception {
    ImageReference base =
        BaseImages.baseImage(
            from("eclipse-temurin:17"),
            request(mirrors(Map.of("docker.io", "nexus.corp:5000/hub"))));

    assertThat(base.toString()).isEqualTo("nexus.corp:5000/hub/library/eclipse-temurin:17");
    assertThat(log.infos)
        .containsExactly(
            "Base image eclipse-temurin:17 comes from mirror"
                + " nexus.corp:5000/hub/library/eclipse-temurin:17");
  }

  @Test
  void scratchIsNoImageToPull() throws Exception {
    assertThat(BaseImages.baseImage(from("scratch"), request(mirrors(Map.of()))).isScratch())
        .isTrue();
    assertThat(log.infos).isEmpty();
  }

  @Test
  void anInvalidFromIsADockerfileProblemAtItsLine() {
    assertThatThrownBy(
            () -> BaseImages.baseImage(from("Base Image:17"), request(mirrors(Map.of()))))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Invalid base image reference: 'Base Image:17' at Dockerfile:2; write FROM as"
                + " [registry/]repository[:tag|@digest], for example"
                + " 127.0.0.1:5000/base/java17:latest");
  }
}
