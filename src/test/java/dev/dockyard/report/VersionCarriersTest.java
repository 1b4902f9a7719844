package dev.dockyard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionCarriersTest {

  @Test
  void namesTheLabelsAndVariablesThatCarryTheNewVersion() {
    Map<String, String> before = new LinkedHashMap<>();
    before.put("label org.opencontainers.image.version", "1.0.0");
    before.put("label team", "orders");
    before.put("env APP_VERSION", "v1.0.0");
    Map<String, String> now = new LinkedHashMap<>();
    now.put("label org.opencontainers.image.version", "1.0.1");
    now.put("label team", "orders");
    now.put("env APP_VERSION", "v1.0.1");
    now.put("env JAVA_HOME", "/opt/java");

    List<String> carriers = VersionCarriers.find(before, now, "1.0.1");

    assertThat(carriers)
        .containsExactly("label org.opencontainers.image.version", "env APP_VERSION");
    assertThat(VersionCarriers.reason(carriers, "1.0.1"))
        .isEqualTo(
            "changes with every version: label org.opencontainers.image.version, env APP_VERSION"
                + " carry 1.0.1");
  }

  @Test
  void saysNothingWhenTheVersionIsNotWhatChanged() {
    Map<String, String> before = Map.of("label team", "orders");
    Map<String, String> now = Map.of("label team", "billing", "label release", "1.0.1");

    assertThat(VersionCarriers.find(Map.of("label release", "1.0.1"), now, "1.0.1")).isEmpty();
    assertThat(VersionCarriers.reason(VersionCarriers.find(before, now, "2.0.0"), "2.0.0"))
        .isEmpty();
  }
}
