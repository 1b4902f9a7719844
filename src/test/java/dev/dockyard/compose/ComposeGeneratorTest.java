package dev.dockyard.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeGeneratorTest {

  private static Service service(
      Integer port,
      String networkMode,
      List<String> volumes,
      List<String> dependsOn,
      String health) {
    return new Service(
        "orders/pom.xml",
        "/work/orders",
        port,
        null,
        Map.of("MODE", "prod"),
        volumes,
        dependsOn,
        health,
        null,
        null,
        networkMode,
        Map.of());
  }

  private static Member member(String name, Service service) {
    return new Member(name, "reg:5000/shop/" + name + "@sha256:1", service);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(Map<String, Object> compose, String name) {
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  @Test
  void bridgedServicePublishesItsPortAndListsItsKeysInComposeOrder() throws Exception {
    Member db = member("db", service(null, "bridge", List.of(), List.of(), null));
    Member orders =
        member(
            "orders",
            service(
                8080,
                "bridge",
                List.of("config/app.properties:/app/config/app.properties:ro", "data:/data"),
                List.of("db"),
                "/health"));
    Map<String, Object> compose =
        ComposeGenerator.compose(
            "shop-1-0-0",
            100,
            List.of(orders, db),
            Map.of(
                "orders",
                Map.of(
                    "config/app.properties:/app/config/app.properties:ro",
                    "./files/orders/config/app.properties")));

    Map<String, Object> service = service(compose, "orders");
    assertThat(List.copyOf(service.keySet()))
        .containsExactly(
            "image",
            "container_name",
            "restart",
            "network_mode",
            "ports",
            "environment",
            "volumes",
            "depends_on",
            "healthcheck");
    assertThat(service.get("container_name")).isEqualTo("shop-1-0-0-orders");
    assertThat(service.get("ports")).isEqualTo(List.of("8180:8080"));
    assertThat(service.get("environment")).isEqualTo(Map.of("MODE", "prod"));
    assertThat(service.get("volumes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type",
                    "bind",
                    "source",
                    "./files/orders/config/app.properties",
                    "target",
                    "/app/config/app.properties",
                    "read_only",
                    true),
                "data:/data",
                Map.of(
                    "type",
                    "bind",
                    "source",
                    "./health",
                    "target",
                    ComposeGenerator.HEALTH_FOLDER,
                    "read_only",
                    true)));
    assertThat(service.get("depends_on"))
        .isEqualTo(Map.of("db", Map.of("condition", "service_started")));
    assertThat(compose.get("volumes")).isEqualTo(Map.of("data", Map.of()));
  }

  @Test
  void hostNetworkedServiceGetsItsMovedPortInTheEnvironmentAndPublishesNone() throws Exception {
    Member orders = member("orders", service(8080, null, List.of(), List.of(), null));

    Map<String, Object> service =
        service(ComposeGenerator.compose("shop", 100, List.of(orders), Map.of()), "orders");

    assertThat(service).doesNotContainKeys("ports", "volumes", "depends_on", "healthcheck");
    assertThat(service.get("network_mode")).isEqualTo("host");
    assertThat(service.get("environment"))
        .isEqualTo(Map.of("MODE", "prod", Service.DEFAULT_PORT_VARIABLE, "8180"));
  }

  @Test
  void dependencyWithAHealthcheckIsWaitedForUntilHealthy() throws Exception {
    Member db = member("db", service(5432, "bridge", List.of(), List.of(), "/ready"));
    Member orders = member("orders", service(8080, "bridge", List.of(), List.of("db"), null));

    Map<String, Object> service =
        service(ComposeGenerator.compose("shop", 100, List.of(orders, db), Map.of()), "orders");

    assertThat(service.get("depends_on"))
        .isEqualTo(Map.of("db", Map.of("condition", "service_healthy")));
  }
}
