package dev.dockyard.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReleaseNamesTest {

  @Test
  void theDefaultNameIsTheRootArtifactAndVersionAsComposeTakesIt() {
    assertThat(ReleaseNames.defaultName("Shop", "1.4.2-SNAPSHOT")).isEqualTo("shop-1-4-2-snapshot");
    assertThat(ReleaseNames.isValid("shop-1-4-2")).isTrue();
    assertThat(ReleaseNames.isValid("-shop")).isFalse();
    assertThat(ReleaseNames.isValid("Shop")).isFalse();
  }

  @Test
  void theOffsetIsAStepOfAHundredDerivedFromTheName() {
    for (String name : new String[] {"shop-1-0-0", "shop-1-0-1", "a", "billing-2-0-0"}) {
      int offset = ReleaseNames.offsetOf(name);
      assertThat(offset % 100).isZero();
      assertThat(offset).isBetween(100, 9900);
      assertThat(ReleaseNames.offsetOf(name)).isEqualTo(offset);
    }
    assertThat(ReleaseNames.offsetOf("shop-1-0-0"))
        .isNotEqualTo(ReleaseNames.offsetOf("shop-1-0-1"));
  }
}
