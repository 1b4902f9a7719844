package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.dockerfile.ImageRecipe;
import dev.dockyard.engine.ImageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownImagesTest {

  private static ImageRecipe recipe(Map<String, String> env) {
    return new ImageRecipe(
        "127.0.0.1:5000/base/java17:latest",
        null,
        env,
        Map.of(),
        List.of("8080/tcp"),
        "/app",
        null,
        List.of(),
        List.of("java", "-cp", "/app/classes", "App"),
        null,
        List.of());
  }

  private static ImageRequest request(Instant time) {
    return request(time, List.of("1.0.0"));
  }

  private static ImageRequest request(Instant time, List<String> tags) {
    return new ImageRequest(
        "svc",
        null,
        null,
        null,
        TestImages.named("r:5000", "ns", "svc"),
        tags,
        Map.of(),
        null,
        time,
        null,
        null,
        null,
        null,
        Map.of(),
        null);
  }

  private static final String BASE = "sha256:aaaa";

  @Test
  void sameInputsGiveTheSameFingerprintWhateverTheTags() {
    String one =
        KnownImages.fingerprint(
            recipe(Map.of("A", "1")), BASE, request(Instant.EPOCH), List.of("s1"));
    ImageRequest retagged = request(Instant.EPOCH, List.of("1.0.1", "latest"));
    String two = KnownImages.fingerprint(recipe(Map.of("A", "1")), BASE, retagged, List.of("s1"));

    assertThat(two).isEqualTo(one);
  }

  @Test
  void anyChangedInputGivesAnotherFingerprint() {
    String one =
        KnownImages.fingerprint(
            recipe(Map.of("A", "1")), BASE, request(Instant.EPOCH), List.of("s1"));

    assertThat(
            KnownImages.fingerprint(
                recipe(Map.of("A", "2")), BASE, request(Instant.EPOCH), List.of("s1")))
        .isNotEqualTo(one);
    assertThat(
            KnownImages.fingerprint(
                recipe(Map.of("A", "1")), "sha256:bbbb", request(Instant.EPOCH), List.of("s1")))
        .isNotEqualTo(one);
    assertThat(
            KnownImages.fingerprint(
                recipe(Map.of("A", "1")), BASE, request(Instant.ofEpochSecond(1)), List.of("s1")))
        .isNotEqualTo(one);
    assertThat(
            KnownImages.fingerprint(
                recipe(Map.of("A", "1")), BASE, request(Instant.EPOCH), List.of("s2")))
        .isNotEqualTo(one);
  }
}
