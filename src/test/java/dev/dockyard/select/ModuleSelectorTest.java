package dev.dockyard.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.maven.Rendered;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which modules become images, the reasons logged, and the checks on -Ddockyard.modules. */
class ModuleSelectorTest {

  private static final ModuleCandidate ORDER = service("order-service", "services/order");
  private static final ModuleCandidate USER_API = service("user-api", "services/user/api");
  private static final ModuleCandidate USER_WEB = service("user-web", "services/user/web");
  private static final ModuleCandidate LEGACY = service("legacy-billing", "legacy/billing");
  private static final ModuleCandidate GATEWAY =
      new ModuleCandidate(
          "gateway",
          "gateway",
          "jar",
          Optional.of("gateway/src/main/docker/Dockerfile"),
          Optional.empty(),
          "");
  private static final ModuleCandidate PARENT =
      new ModuleCandidate("parent", "", "pom", Optional.empty(), Optional.empty(), "");
  private static final ModuleCandidate COMMON =
      new ModuleCandidate("common-lib", "common", "jar", Optional.empty(), Optional.empty(), "");
  private static final ModuleCandidate AGGREGATOR_WITH_DOCKERFILE =
      new ModuleCandidate(
          "services", "services", "pom", Optional.of("services/Dockerfile"), Optional.empty(), "");

  private static final List<ModuleCandidate> REACTOR =
      List.of(PARENT, COMMON, ORDER, USER_API, USER_WEB, LEGACY, GATEWAY);

  private static ModuleCandidate service(String artifactId, String path) {
    return new ModuleCandidate(
        artifactId,
        path,
        "jar",
        Optional.empty(),
        Optional.of("com.example." + artifactId.replace("-", "") + ".App"),
        "Spring Boot start-class");
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of(
            null, List.of("order-service", "user-api", "user-web", "legacy-billing", "gateway")),
        Arguments.of("order-service", List.of("order-service")),
        Arguments.of("user-*", List.of("user-api", "user-web")),
        Arguments.of("order-service,user-*,!user-web", List.of("order-service", "user-api")),
        Arguments.of(" order-service , gateway ,", List.of("order-service", "gateway")),
        Arguments.of("!legacy-*", List.of("order-service", "user-api", "user-web", "gateway")),
        Arguments.of("*,!legacy-*,!gate?ay", List.of("order-service", "user-api", "user-web")),
        Arguments.of("services/order", List.of("order-service")),
        Arguments.of("./services/order/", List.of("order-service")),
        Arguments.of("services\\order", List.of("order-service")),
        Arguments.of("services/user/*", List.of("user-api", "user-web")),
        Arguments.of("services/**", List.of("order-service", "user-api", "user-web")),
        Arguments.of("services/*", List.of("order-service")),
        Arguments.of("services/**,!services/user/web", List.of("order-service", "user-api")),
        Arguments.of("user-api,!user-api", List.of()),
        Arguments.of(
            "! legacy-billing", List.of("order-service", "user-api", "user-web", "gateway")),
        Arguments.of("Order-Service,order-service", List.of("order-service")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("selections")
  void selectsTheImageModulesTheEntriesName(String value, List<String> expected)
      throws SelectionException {
    ModuleSelector selector = new ModuleSelector(value);

    List<String> images =
        REACTOR.stream()
            .filter(m -> selector.decide(m).image())
            .map(ModuleCandidate::artifactId)
            .toList();

    assertThat(images).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void selectsEverythingWhenTheValueIsUnsetOrBlank(String value) throws SelectionException {
    ModuleSelector selector = new ModuleSelector(value);

    assertThat(selector.selectsAll()).isTrue();
    assertThat(selector.toString()).isEmpty();
    assertThat(new ModuleSelector(null).decide(ORDER).image()).isTrue();
  }

  static Stream<Arguments> reasons() {
    return Stream.of(
        Arguments.of(null, PARENT, false, "pom packaging never becomes an image"),
        Arguments.of(
            null, AGGREGATOR_WITH_DOCKERFILE, false, "pom packaging never becomes an image"),
        Arguments.of(
            null,
            COMMON,
            false,
            "no Dockerfile and no main class; add src/main/docker/Dockerfile or set <mainClass>"),
        Arguments.of(
            "!common-lib",
            COMMON,
            false,
            "no Dockerfile and no main class; add src/main/docker/Dockerfile or set <mainClass>"),
        Arguments.of(
            null,
            new ModuleCandidate(
                "tools",
                "tools",
                "jar",
                Optional.empty(),
                Optional.empty(),
                "several main classes: a.B, c.D"),
            false,
            "no Dockerfile and no main class (several main classes: a.B, c.D); add"
                + " src/main/docker/Dockerfile or set <mainClass>"),
        Arguments.of(
            "*, !legacy-*",
            LEGACY,
            false,
            "excluded by -Ddockyard.modules entry '!legacy-*'; remove '!legacy-*' from"
                + " -Ddockyard.modules"),
        Arguments.of(
            "order-service, user-*,",
            GATEWAY,
            false,
            "not listed in -Ddockyard.modules=order-service,user-*; add 'gateway' to"
                + " -Ddockyard.modules to build it"),
        Arguments.of(
            null, ORDER, true, "main class com.example.orderservice.App (Spring Boot start-class)"),
        Arguments.of("gateway", GATEWAY, true, "Dockerfile gateway/src/main/docker/Dockerfile"),
        Arguments.of(
            null,
            new ModuleCandidate(
                "both",
                "both",
                "jar",
                Optional.of("both/Dockerfile"),
                Optional.of("a.B"),
                "jar manifest mainClass"),
            true,
            "Dockerfile both/Dockerfile"),
        Arguments.of(
            null,
            new ModuleCandidate("bare", "bare", "jar", Optional.empty(), Optional.of("a.B"), null),
            true,
            "main class a.B"));
  }

  @ParameterizedTest(name = "[{index}] {3}")
  @MethodSource("reasons")
  void explainsEveryDecisionInOneLineThatSaysHowToUndoASkip(
      String value, ModuleCandidate module, boolean image, String reason)
      throws SelectionException {
    Decision decision = new ModuleSelector(value).decide(module);

    assertThat(decision.image()).isEqualTo(image);
    assertThat(Rendered.text(decision.reason())).isEqualTo(reason);
    assertThat(decision.reason()).doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"!", "order-service, ! ,user-*", "!./"})
  void rejectsAnExcludeWithoutPattern(String value) {
    assertThatThrownBy(() -> new ModuleSelector(value))
        .isInstanceOf(SelectionException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .matches(
                        "Empty module selection entry: '!(\\./)?' at <modules> / -Ddockyard.modules; write an"
                            + " artifactId glob or module path after '!', e.g. '!legacy-\\*'"));
  }

  @Test
  void acceptsSelectionsWhoseEveryEntryMatchesAnImageModule() throws SelectionException {
    ModuleSelector selector =
        new ModuleSelector("order-service,user-*,!legacy-*,services/user/web,gateway");

    selector.requireEveryEntryMatches(REACTOR);
    new ModuleSelector(null).requireEveryEntryMatches(REACTOR);
    new ModuleSelector(null).requireEveryEntryMatches(List.of());
  }

  static Stream<Arguments> unmatchedEntries() {
    String imageModules =
        "image modules are order-service, user-api, user-web, legacy-billing, gateway; correct or"
            + " remove the entry";
    return Stream.of(
        Arguments.of(
            "orders-service",
            REACTOR,
            "orders-service",
            "Module selection entry matches no image module: 'orders-service' at <modules> /"
                + " -Ddockyard.modules; "
                + imageModules),
        Arguments.of(
            "order-service,!legacy-*,!old-*",
            REACTOR,
            "!old-*",
            "Module selection entry matches no image module: '!old-*' at <modules> /"
                + " -Ddockyard.modules; "
                + imageModules),
        Arguments.of(
            "order-service,common-lib",
            REACTOR,
            "common-lib",
            "Module selection entry matches no image module: 'common-lib' at <modules> /"
                + " -Ddockyard.modules; it matches only common-lib, which is not an image module"
                + " (pom packaging, or no Dockerfile and no main class); "
                + imageModules),
        Arguments.of(
            "!*-lib,!parent",
            REACTOR,
            "!*-lib",
            "Module selection entry matches no image module: '!*-lib' at <modules> /"
                + " -Ddockyard.modules; it matches only common-lib, which is not an image module"
                + " (pom packaging, or no Dockerfile and no main class); "
                + imageModules),
        Arguments.of(
            "p*",
            List.of(PARENT, COMMON, ORDER, AGGREGATOR_WITH_DOCKERFILE),
            "p*",
            "Module selection entry matches no image module: 'p*' at <modules> /"
                + " -Ddockyard.modules; it matches only parent, which is not an image module"
                + " (pom packaging, or no Dockerfile and no main class); image modules are"
                + " order-service; correct or remove the entry"),
        Arguments.of(
            "*",
            List.of(PARENT, COMMON),
            "*",
            "Module selection entry matches no image module: '*' at <modules> /"
                + " -Ddockyard.modules; it matches only parent, common-lib, which are not image"
                + " modules (pom packaging, or no Dockerfile and no main class); this build has"
                + " no image modules (a module needs src/main/docker/Dockerfile or a main class);"
                + " remove the entry"),
        Arguments.of(
            "services/orders",
            REACTOR,
            "services/orders",
            "Module selection entry matches no image module: 'services/orders' at <modules> /"
                + " -Ddockyard.modules; "
                + imageModules));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("unmatchedEntries")
  void rejectsTheFirstEntryThatMatchesNoImageModule(
      String value, List<ModuleCandidate> reactor, String badEntry, String message)
      throws SelectionException {
    ModuleSelector selector = new ModuleSelector(value);

    assertThatThrownBy(() -> selector.requireEveryEntryMatches(reactor))
        .isInstanceOfSatisfying(
            SelectionException.class, e -> assertThat(e.badValue()).isEqualTo(badEntry))
        .satisfies(thrown -> assertThat(Rendered.message(thrown)).isEqualTo(message));
  }

  @Test
  void normalisesTheModulePathToUnixFormRelativeToTheRoot() {
    ModuleCandidate windows =
        new ModuleCandidate(
            "a", ".\\services\\a\\", "jar", Optional.empty(), Optional.empty(), null);
    ModuleCandidate root =
        new ModuleCandidate("root", ".", "pom", Optional.empty(), Optional.empty(), null);

    assertThat(windows.relativePath()).isEqualTo("services/a");
    assertThat(windows.mainClassSource()).isEmpty();
    assertThat(root.relativePath()).isEmpty();
  }

  @Test
  void rejectsASelectionOfCommasAlone() {
    assertThatThrownBy(() -> new ModuleSelector(" , ,"))
        .isInstanceOf(SelectionException.class)
        .satisfies(
            thrown ->
                assertThat(Rendered.message(thrown))
                    .isEqualTo(
                        "Module selection names no module: ' , ,' at <modules> / -Ddockyard.modules; name"
                            + " artifactId globs or module paths, e.g. -Ddockyard.modules=order-service,user-*,"
                            + " or leave it out to build every image module"));
  }
}
