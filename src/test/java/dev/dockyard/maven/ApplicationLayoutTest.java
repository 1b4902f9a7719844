package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationLayoutTest {

  @ParameterizedTest
  @CsvSource({
    "org.springframework.boot, org.springframework.boot",
    "org.springframework, org.springframework",
    "com.fasterxml.jackson.core, com.fasterxml.jackson.core",
    "junit, junit",
    "misc, misc_",
  })
  void groupsReleaseJarsByGroupId(String groupId, String family) {
    assertThat(ApplicationLayout.family(groupId)).isEqualTo(family);
  }
}
