package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StagedPushTest {

  private static final String DIGEST =
      "sha256:0d2c5b3cc512b92024fce265c93564cd41d7b5d9fd3e917c2cc0f93c7194cc02";

  @Test
  void readsTheManifestDigestJibAnnounces() {
    assertThat(StagedPush.digestIn("Checking existence of manifest for " + DIGEST + "..."))
        .isEqualTo(DIGEST);
  }

  @Test
  void ignoresOtherEvents() {
    assertThat(StagedPush.digestIn("Pushing manifest for " + DIGEST + "...")).isNull();
    assertThat(StagedPush.digestIn("Checking existence of manifest for latest...")).isNull();
  }
}
