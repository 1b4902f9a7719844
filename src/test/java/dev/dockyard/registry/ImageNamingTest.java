package dev.dockyard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A module's image name and tags from the user's naming settings and its coordinates. */
class ImageNamingTest {

  @Test
  void theRepositoryDefaultsToTheArtifactId() throws Exception {
    ImageNaming naming = new ImageNaming("registry.corp:5000", "shop", null, null, true, null);

    assertThat(naming.name("order-service").toString())
        .isEqualTo("registry.corp:5000/shop/order-service");
  }

  @Test
  void aReleaseIsTaggedWithItsVersionLatestAndTheExtraTags() throws Exception {
    ImageNaming naming = new ImageNaming(null, null, null, List.of("stable", " "), true, null);

    assertThat(naming.tags("1.4.2")).containsExactly("1.4.2", "latest", "stable");
    assertThat(naming.tags("1.5.0-SNAPSHOT")).containsExactly("1.5.0-SNAPSHOT", "stable");
  }

  @Test
  void comparesWithLatestUnlessSinceNamesATag() {
    assertThat(new ImageNaming(null, null, null, null, true, null).sinceTag()).isEqualTo("latest");
    assertThat(new ImageNaming(null, null, null, null, true, "1.4.2").sinceTag())
        .isEqualTo("1.4.2");
  }

  @Test
  void anInvalidSinceTagFailsWithTheTags() {
    ImageNaming naming = new ImageNaming(null, null, null, null, true, "-bad");

    assertThatThrownBy(() -> naming.tags("1.0.0"))
        .isInstanceOf(InvalidImageNameException.class)
        .hasMessageContaining("'-bad'");
  }
}
