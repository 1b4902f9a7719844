package dev.dockyard.select;

import dev.dockyard.setting.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.codehaus.plexus.util.SelectorUtils;

/**
 * Decides which reactor modules become images, from the {@code dockyard.modules} value: comma
 * separated artifactId globs or module paths relative to the reactor root, {@code !} excludes,
 * excludes win, no value selects every module.
 */
public final class ModuleSelector {

  static final String WHERE = Setting.MODULES.either();
  private static final String PROPERTY = Setting.MODULES.property();

  private final List<Entry> entries;

  /**
   * Reads the raw {@code dockyard.modules} value: null or blank selects every module; whitespace
   * around entries and empty entries (a trailing comma) are ignored.
   *
   * @throws SelectionException for an entry that is a lone {@code !}
   */
  public ModuleSelector(String rawValue) throws SelectionException {
    List<Entry> parsed = new ArrayList<>();
    for (String part : rawValue == null ? new String[0] : rawValue.split(",", -1)) {
      String text = part.trim();
      if (text.isEmpty()) {
        continue;
      }
      boolean exclude = text.startsWith("!");
      String pattern = ModuleCandidate.normalisePath(exclude ? text.substring(1) : text);
      if (pattern.isEmpty()) {
        throw new SelectionException(
            "Empty module selection entry",
            text,
            WHERE,
            "write an artifactId glob or module path after '!', e.g. '!legacy-*'");
      }
      parsed.add(new Entry(text, pattern, exclude));
    }
    if (parsed.isEmpty() && rawValue != null && !rawValue.isBlank()) {
      // Commas alone would otherwise select every module: the opposite of a narrow release.
      throw new SelectionException(
          "Module selection names no module",
          rawValue,
          WHERE,
          "name artifactId globs or module paths, e.g. "
              + Setting.MODULES.property("=order-service,user-*,")
              + " or leave it out to build every image module");
    }
    this.entries = List.copyOf(parsed);
  }

  /** True when no entry restricts the selection. */
  public boolean selectsAll() {
    return entries.isEmpty();
  }

  /** The entries as they will be reported, joined by commas; empty when everything is selected. */
  @Override
  public String toString() {
    return entries.stream().map(Entry::text).collect(Collectors.joining(","));
  }

  /**
   * Whether the module becomes an image; a skip says why and how to undo it. The module's own
   * nature is reported before the selection: excluding a library changes nothing.
   */
  public Decision decide(ModuleCandidate module) {
    if (module.isPom()) {
      return Decision.skippedBecause("pom packaging never becomes an image");
    }
    if (!module.hasImageRecipe()) {
      String why =
          module.mainClassSource().isBlank()
              ? "no main class"
              : "no main class (" + module.mainClassSource() + ")";
      return Decision.skippedBecause(
          "no Dockerfile and "
              + why
              + "; add src/main/docker/Dockerfile or set "
              + Setting.MAIN_CLASS.element());
    }
    Optional<Entry> exclusion =
        entries.stream().filter(e -> e.exclude() && e.matches(module)).findFirst();
    if (exclusion.isPresent()) {
      String entry = exclusion.get().text();
      return Decision.skippedBecause(
          "excluded by "
              + PROPERTY
              + " entry '"
              + entry
              + "'; remove '"
              + entry
              + "' from "
              + PROPERTY);
    }
    List<Entry> includes = entries.stream().filter(e -> !e.exclude()).toList();
    if (!includes.isEmpty() && includes.stream().noneMatch(e -> e.matches(module))) {
      return Decision.skippedBecause(
          "not listed in "
              + PROPERTY
              + "="
              + this
              + "; add '"
              + module.artifactId()
              + "' to "
              + PROPERTY
              + " to build it");
    }
    return Decision.imageBecause(imageReason(module));
  }

  private static String imageReason(ModuleCandidate module) {
    if (module.dockerfile().isPresent()) {
      return "Dockerfile " + module.dockerfile().get();
    }
    String source = module.mainClassSource().isBlank() ? "" : " (" + module.mainClassSource() + ")";
    return "main class " + module.mainClass().get() + source;
  }

  /**
   * Fails when an entry (include or exclude) matches no image module, so that a typo never silently
   * builds the wrong set; call it with every reactor module before any image work.
   *
   * @throws SelectionException naming the first such entry and listing the image modules
   */
  public void requireEveryEntryMatches(List<ModuleCandidate> all) throws SelectionException {
    List<ModuleCandidate> imageModules =
        all.stream().filter(ModuleCandidate::isImageModule).toList();
    for (Entry entry : entries) {
      if (imageModules.stream().anyMatch(entry::matches)) {
        continue;
      }
      List<String> others =
          all.stream().filter(entry::matches).map(ModuleCandidate::artifactId).toList();
      String matchesOthers =
          others.isEmpty()
              ? ""
              : "it matches only "
                  + String.join(", ", others)
                  + ", which "
                  + (others.size() == 1 ? "is not an image module" : "are not image modules")
                  + " (pom packaging, or no Dockerfile and no main class); ";
      String fix =
          imageModules.isEmpty()
              ? "this build has no image modules (a module needs src/main/docker/Dockerfile or a"
                  + " main class); remove the entry"
              : "image modules are "
                  + imageModules.stream()
                      .map(ModuleCandidate::artifactId)
                      .collect(Collectors.joining(", "))
                  + "; correct or remove the entry";
      throw new SelectionException(
          "Module selection entry matches no image module",
          entry.text(),
          WHERE,
          matchesOthers + fix);
    }
  }

  /** One entry: a glob over artifactIds, or over module paths relative to the reactor root. */
  private record Entry(String text, String pattern, boolean exclude) {

    boolean matches(ModuleCandidate module) {
      if (SelectorUtils.match(pattern, module.artifactId(), true)) {
        return true;
      }
      return !module.relativePath().isEmpty()
          && SelectorUtils.matchPath(pattern, module.relativePath(), "/", true);
    }
  }
}
