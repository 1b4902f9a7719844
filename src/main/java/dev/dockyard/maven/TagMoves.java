package dev.dockyard.maven;

import dev.dockyard.engine.jib.RegistryTags;
import dev.dockyard.maven.ReactorState.StagedImage;
import dev.dockyard.registry.RetryBudget;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tagging one staged image takes: the tags that must move, and its manifest read back and
 * checked when any must. A tag that already names the pushed digest (an unchanged release built
 * again) stays where it is.
 *
 * @param toMove the tags to point at the image
 * @param manifest the checked manifest to point them at; null when no tag moves
 */
record TagMoves(List<String> toMove, RegistryTags.Staged manifest) {

  /** One tag of one staged image, looked up before the tags move. */
  private record TagCheck(StagedImage image, String tag) {}

  /**
   * Every tag of every image looked up at once, eight at a time; manifests four at a time. The
   * calls about one image, and then its tag moves, share one retry budget.
   */
  static Map<StagedImage, TagMoves> of(RegistryTags registry, List<StagedImage> images)
      throws InParallel.Failure {
    List<TagCheck> checks = new ArrayList<>();
    Map<StagedImage, RetryBudget> budgets = new IdentityHashMap<>();
    for (StagedImage image : images) {
      image.result().tags().forEach(tag -> checks.add(new TagCheck(image, tag)));
      budgets.put(image, image.request().registries().retryBudget());
    }
    Map<TagCheck, Boolean> inPlace =
        InParallel.run(
            8,
            checks,
            check -> check.image().row().image() + "@" + check.image().result().digest(),
            check ->
                registry
                    .digestOf(check.image().request(), check.tag(), budgets.get(check.image()))
                    .orElse("")
                    .equals(check.image().result().digest()));
    return InParallel.run(
        4,
        images,
        image -> image.row().image() + "@" + image.result().digest(),
        image -> {
          List<String> toMove = new ArrayList<>();
          for (TagCheck check : checks) {
            if (check.image() == image && !inPlace.get(check)) {
              toMove.add(check.tag());
            }
          }
          return new TagMoves(
              toMove,
              toMove.isEmpty()
                  ? null
                  : registry.staged(image.request(), image.result().digest(), budgets.get(image)));
        });
  }
}
