package dev.dockyard.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JarGroupsTest {

  private static final long MB = 1_000_000;

  private static final Map<String, SortedSet<String>> USERS =
      Map.of(
          "spring-core", users("a", "b", "c"),
          "spring-web", users("a", "b", "c"),
          "hibernate", users("a", "b"),
          "kafka", users("a"),
          "tiny", users("a", "c"),
          "jackson", users("a", "c"));

  private static SortedSet<String> users(String... ids) {
    return new TreeSet<>(List.of(ids));
  }

  private static Map<String, Long> jars(Object... nameThenSize) {
    Map<String, Long> jars = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSize.length; i += 2) {
      jars.put((String) nameThenSize[i], ((Number) nameThenSize[i + 1]).longValue());
    }
    return jars;
  }

  @Test
  void jarsUsedByTheSameModulesShareALayerOwnLast() {
    List<JarGroups.Group> groups =
        JarGroups.plan(
            jars("kafka", 5 * MB, "hibernate", 3 * MB, "spring-core", 2 * MB, "spring-web", MB),
            USERS::get,
            "a");

    assertThat(groups)
        .extracting(JarGroups.Group::jars)
        .containsExactly(
            List.of("spring-core", "spring-web"), List.of("hibernate"), List.of("kafka"));
    assertThat(groups.get(0).name()).startsWith("shared-3-");
    assertThat(groups.get(1).name()).startsWith("shared-2-");
    assertThat(groups.get(2).name()).isEqualTo(JarGroups.OWN);
  }

  @Test
  void theLayersThatSaveTheMostBytesComeFirst() {
    // hibernate saves 9 MB (one user beyond the first); spring 3 MB twice, 6 MB.
    List<JarGroups.Group> groups =
        JarGroups.plan(
            jars("spring-core", 2 * MB, "spring-web", MB, "hibernate", 9 * MB), USERS::get, "a");

    assertThat(groups)
        .extracting(JarGroups.Group::jars)
        .containsExactly(List.of("hibernate"), List.of("spring-core", "spring-web"));
  }

  @Test
  void everyModuleNamesAndFillsASharedGroupAlike() {
    List<JarGroups.Group> fromA =
        JarGroups.plan(
            jars("spring-core", 2 * MB, "spring-web", MB, "jackson", MB), USERS::get, "a");
    List<JarGroups.Group> fromC =
        JarGroups.plan(
            jars("jackson", MB, "spring-web", MB, "spring-core", 2 * MB), USERS::get, "c");

    assertThat(fromC).isEqualTo(fromA);
  }

  @Test
  void smallSharedGroupsAndUnknownJarsGoToTheOwnLayerInClasspathOrder() {
    List<JarGroups.Group> groups =
        JarGroups.plan(jars("tiny", 10_000, "spring-core", 2 * MB, "unknown", MB), USERS::get, "a");

    assertThat(groups).hasSize(2);
    assertThat(groups.get(1))
        .isEqualTo(new JarGroups.Group(JarGroups.OWN, List.of("tiny", "unknown")));
  }

  @Test
  void aJarTheModuleIsNotRecordedAsUsingStaysItsOwn() {
    List<JarGroups.Group> groups = JarGroups.plan(jars("hibernate", 9 * MB), USERS::get, "c");

    assertThat(groups).containsExactly(new JarGroups.Group(JarGroups.OWN, List.of("hibernate")));
  }

  @Test
  void beyondTheLimitTheLeastSharedGroupsJoinTheOwnLayer() {
    Map<String, Long> many = new LinkedHashMap<>();
    Map<String, SortedSet<String>> users = new java.util.HashMap<>();
    for (int i = 0; i < JarGroups.MAX_SHARED_LAYERS + 5; i++) {
      many.put("jar" + i, MB);
      users.put("jar" + i, users("a", "m" + i));
    }
    users.put("jar0", users("a", "b", "c"));

    List<JarGroups.Group> groups = JarGroups.plan(many, users::get, "a");

    assertThat(groups).hasSize(JarGroups.MAX_SHARED_LAYERS + 1);
    assertThat(groups.get(0).jars()).containsExactly("jar0");
    assertThat(groups.get(groups.size() - 1).name()).isEqualTo(JarGroups.OWN);
    assertThat(groups.get(groups.size() - 1).jars()).hasSize(5);
  }
}
