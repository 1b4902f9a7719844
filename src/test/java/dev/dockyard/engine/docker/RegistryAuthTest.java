package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryAuthTest {

  @Test
  void aFirstPartWithADotAPortOrLocalhostIsTheRegistry() {
    assertThat(RegistryAuth.registryOf("nexus.corp/team/app")).contains("nexus.corp");
    assertThat(RegistryAuth.registryOf("127.0.0.1:5000/base/jre:17")).contains("127.0.0.1:5000");
    assertThat(RegistryAuth.registryOf("registry:5000/app")).contains("registry:5000");
    assertThat(RegistryAuth.registryOf("localhost/app")).contains("localhost");
  }

  @Test
  void dockerHubImagesAndBuildStagesHaveNoRegistry() {
    assertThat(RegistryAuth.registryOf("eclipse-temurin:17")).isEmpty();
    assertThat(RegistryAuth.registryOf("library/eclipse-temurin:17")).isEmpty();
    assertThat(RegistryAuth.registryOf("build")).isEmpty();
  }
}
