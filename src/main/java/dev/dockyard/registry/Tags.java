package dev.dockyard.registry;

import dev.dockyard.setting.Setting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Computes and validates the tags of an image: the version, {@code latest}, then extra tags. */
public final class Tags {

  /** The tag every release also gets unless {@code dockyard.latest=false}. */
  public static final String LATEST = "latest";

  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final String RULE =
      "tags are 1 to 128 characters: letters, digits, _ . and -, not starting with . or -";

  private Tags() {}

  /**
   * The tags in order, without duplicates: {@code version}; {@code latest} when {@code
   * latestEnabled} and the version is not a SNAPSHOT; then {@code extra} (trimmed, blank entries
   * ignored).
   *
   * @throws InvalidImageNameException for the first tag that breaks the grammar
   */
  public static List<String> compute(String version, boolean latestEnabled, List<String> extra)
      throws InvalidImageNameException {
    String v = version == null ? "" : version.trim();
    validate(
        v,
        Setting.PROJECT_VERSION.expression(),
        "use a project " + Setting.PROJECT_VERSION.element() + " that is a valid tag");
    Set<String> tags = new LinkedHashSet<>();
    tags.add(v);
    if (latestEnabled && !isSnapshot(v)) {
      tags.add(LATEST);
    }
    for (String tag : extra == null ? List.<String>of() : extra) {
      if (tag == null || tag.isBlank()) {
        continue;
      }
      validate(tag.trim(), Setting.TAGS.either(), "correct or remove it");
      tags.add(tag.trim());
    }
    return List.copyOf(tags);
  }

  /** Checks {@code <since>}: the tag of an earlier release, compared with. */
  public static void validateSince(String since) throws InvalidImageNameException {
    if (since != null) {
      validate(since, Setting.SINCE.either(), "name the tag of an earlier release, such as 1.4.2");
    }
  }

  /** True for Maven SNAPSHOT versions, which never get {@code latest}. */
  public static boolean isSnapshot(String version) {
    return version.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT");
  }

  private static void validate(String tag, String where, String fix)
      throws InvalidImageNameException {
    if (!TAG.matcher(tag).matches()) {
      throw new InvalidImageNameException("Invalid image tag", tag, where, RULE + "; " + fix);
    }
  }
}
