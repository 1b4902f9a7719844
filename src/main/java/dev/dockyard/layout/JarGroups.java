package dev.dockyard.layout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Splits a module's release jars into layers by which image modules of the reactor use them: jars
 * used by exactly the same modules share one layer. Every module that uses a jar then carries the
 * very same layer, so the registry stores each jar once. Every module orders its layers the same
 * way, those that save the most bytes (size times users beyond the first) first: an engine keys a
 * layer by the layers under it, so images of one reactor share a prefix of layers it pulls once,
 * and the big shared layers belong in it. Groups that only this module uses, or that are too small
 * to be worth a layer, end up together in a last layer of the module's own.
 */
public final class JarGroups {

  /** Shared groups smaller than this go into the module's own layer instead. */
  public static final long SMALL_GROUP = 256 * 1024;

  /**
   * At most this many shared layers per image, those saving the most kept: with the base image's
   * and the module's other layers, an image stays far below the 127 layers overlay storage allows.
   */
  public static final int MAX_SHARED_LAYERS = 40;

  /** The name of the module's own layer. */
  public static final String OWN = "own";

  /** A layer of jars, named for its folder under {@code target/dockyard/app/layers}. */
  public record Group(String name, List<String> jars) {}

  private JarGroups() {}

  /**
   * @param jars this module's release jars (coordinate to size), in classpath order
   * @param members for each coordinate, the ids of the image modules that use it; a jar the module
   *     does not find itself among counts as its own
   * @param self this module's id
   * @return the layers, those saving the most bytes first, the module's own last; none empty
   */
  public static List<Group> plan(
      Map<String, Long> jars, Function<String, SortedSet<String>> members, String self) {
    Map<String, List<String>> byMembers = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    List<String> own = new ArrayList<>();
    for (Map.Entry<String, Long> jar : jars.entrySet()) {
      SortedSet<String> users = members.apply(jar.getKey());
      if (users == null || users.size() < 2 || !users.contains(self)) {
        own.add(jar.getKey());
        continue;
      }
      String key = String.join(",", users);
      byMembers.computeIfAbsent(key, k -> new ArrayList<>()).add(jar.getKey());
      counts.put(key, users.size());
      sizes.merge(key, jar.getValue(), Long::sum);
    }
    List<String> keys = new ArrayList<>(byMembers.keySet());
    // The bytes a group saves (its size for every user but one) decide; every module that holds a
    // group sees the same jars, sizes and users, so all modules order their layers alike.
    keys.sort(
        Comparator.comparing((String key) -> sizes.get(key) * (counts.get(key) - 1))
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    List<Group> groups = new ArrayList<>();
    Set<String> leftovers = new HashSet<>(own);
    for (String key : keys) {
      if (sizes.get(key) < SMALL_GROUP || groups.size() == MAX_SHARED_LAYERS) {
        leftovers.addAll(byMembers.get(key));
        continue;
      }
      // Sorted, so that every module that shares the group fills it alike.
      List<String> sorted = byMembers.get(key).stream().sorted().toList();
      groups.add(new Group("shared-" + counts.get(key) + "-" + hash(key), sorted));
    }
    // The module's own layer, in classpath order.
    List<String> ownLayer = jars.keySet().stream().filter(leftovers::contains).toList();
    if (!ownLayer.isEmpty()) {
      groups.add(new Group(OWN, ownLayer));
    }
    return groups;
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
