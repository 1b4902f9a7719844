package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.ImageReference;
import org.junit.jupiter.api.Test;

class RegistryTransferTest {

  private static ImageReference image(String reference) throws Exception {
    return ImageReference.parse(reference);
  }

  @Test
  void mountsTheBaseFromAnotherRepositoryOfTheTargetsRegistry() throws Exception {
    assertThat(
            RegistryTransfer.sameRegistry(
                image("registry.corp/base/java:17"), image("registry.corp/shop/orders:1.0")))
        .isTrue();
  }

  @Test
  void mountsNothingFromTheTargetRepositoryItselfOrAnotherRegistry() throws Exception {
    ImageReference target = image("registry.corp/shop/orders:1.0");

    assertThat(RegistryTransfer.sameRegistry(image("registry.corp/shop/orders:0.9"), target))
        .isFalse();
    assertThat(RegistryTransfer.sameRegistry(image("quay.io/base/java:17"), target)).isFalse();
    assertThat(RegistryTransfer.sameRegistry(ImageReference.scratch(), target)).isFalse();
  }
}
