package dev.dockyard.maven;

import dev.dockyard.compose.BundleException;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.Target;
import dev.dockyard.engine.jib.RegistryTags;
import dev.dockyard.maven.ReactorState.StagedImage;
import dev.dockyard.report.ImageReport;
import dev.dockyard.report.ReleaseBlocker;
import dev.dockyard.report.ReleaseReport;
import dev.dockyard.report.SummaryRow;
import dev.dockyard.report.SummaryTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The end of the reactor: the staged images' tags move only when every module of the reactor
 * succeeded; then the summary is printed and {@code target/dockyard/release.json} written at the
 * execution root. A failure while tagging names every tag that moved and every one that did not,
 * and fails the build.
 */
final class ReactorRelease {

  static final String NOT_TAGGED = "not tagged";

  private final MavenSession session;
  private final ReactorState state;
  private final Log log;

  ReactorRelease(MavenSession session, ReactorState state, Log log) {
    this.session = session;
    this.state = state;
    this.log = log;
  }

  void finish() {
    List<MavenProject> reactor = session.getProjects();
    List<StagedImage> staged = state.staged(reactor);
    String blocker = blocker(reactor);
    String outcome;
    String reason = "";
    RegistryTags registry = new RegistryTags();
    EndChecks checks =
        staged.isEmpty() || blocker != null
            ? EndChecks.NONE
            : EndChecks.run(() -> bundleProblem(reactor), registry, staged);
    Optional<String> badBundle = checks.bundleProblem();
    if (staged.isEmpty()) {
      outcome = anyRow(reactor, "pushed") ? "pushed" : "built";
      reason = blocker == null ? "" : blocker;
    } else if (blocker != null) {
      outcome = NOT_TAGGED;
      reason = blocker;
      int images = staged.size() + unfinishedImages(reactor);
      log.error(
          "0 of "
              + images
              + (images == 1 ? " image" : " images")
              + " tagged: "
              + blocker
              + "; no tag moved (blobs and manifests already pushed are kept, so a rerun uploads"
              + " only what is missing)");
      for (StagedImage image : staged) {
        state.report(image.project(), image.row().withOutcome(NOT_TAGGED, blocker));
      }
    } else if (badBundle.isPresent()) {
      String problem = badBundle.get();
      outcome = NOT_TAGGED;
      reason = "the release bundle cannot be written";
      log.error(
          "0 of "
              + staged.size()
              + (staged.size() == 1 ? " image" : " images")
              + " tagged: "
              + problem
              + "; no tag moved");
      for (StagedImage image : staged) {
        state.report(image.project(), image.row().withOutcome(NOT_TAGGED, reason));
      }
      session.getResult().addException(new MojoExecutionException(problem));
    } else {
      outcome = tagAll(staged, registry, checks);
      if (!outcome.equals("tagged")) {
        reason = "tagging failed";
      }
    }
    List<SummaryRow> rows = rows(reactor);
    printSummary(rows);
    ReleaseReport.Release release = new ReleaseReport.Release(outcome, reason, modules(reactor));
    Path file = writeRelease(release);
    if (file != null && List.of("tagged", "pushed").contains(outcome)) {
      writeBundle(release, file);
    }
  }

  /**
   * Checks the release bundle before any tag moves (sources, ports, template): what is wrong with
   * it, or empty when it can be written.
   */
  private Optional<String> bundleProblem(List<MavenProject> reactor) {
    return BundleWriter.forReactor(state, session)
        .flatMap(writer -> writer.problem(modules(reactor)));
  }

  /** Writes the release bundle of a release whose tags all moved. */
  private void writeBundle(ReleaseReport.Release release, Path releaseJson) {
    Optional<BundleWriter> writer = BundleWriter.forReactor(state, session);
    if (writer.isEmpty()) {
      return;
    }
    try {
      writer.get().write(release.modules(), releaseJson, log);
    } catch (BundleException e) {
      String message = SettingNames.render(e.getMessage());
      log.error(message);
      session.getResult().addException(new MojoExecutionException(message, NamedCause.of(e)));
    }
  }

  /** Image modules that failed or were not built: they count among the release's images. */
  private int unfinishedImages(List<MavenProject> reactor) {
    int count = 0;
    for (MavenProject project : reactor) {
      if (!(session.getResult().getBuildSummary(project) instanceof BuildSuccess)
          && state.isImageModule(project)) {
        count++;
      }
    }
    return count;
  }

  /** Why the tags must not move: the modules that failed or were not built; null when none. */
  private String blocker(List<MavenProject> reactor) {
    List<String> failed = new ArrayList<>();
    List<String> notBuilt = new ArrayList<>();
    for (MavenProject project : reactor) {
      BuildSummary summary = session.getResult().getBuildSummary(project);
      if (summary instanceof BuildFailure) {
        failed.add(project.getArtifactId());
      } else if (summary == null) {
        notBuilt.add(project.getArtifactId());
      }
    }
    return ReleaseBlocker.of(failed, notBuilt, session.getResult().hasExceptions()).orElse(null);
  }

  /**
   * Moves every tag: first the images a Docker engine pushes (its push moves tags as it goes), then
   * every manifest pushed by digest is read back and checked, and only then tagged, a few images at
   * a time.
   */
  private String tagAll(List<StagedImage> staged, RegistryTags registry, EndChecks checks) {
    Map<String, Boolean> tags = Collections.synchronizedMap(new LinkedHashMap<>());
    for (StagedImage image : staged) {
      for (String tag : image.row().tags().split(",")) {
        tags.put(image.row().image() + ":" + tag, false);
      }
    }
    log.debug("Moving tags at the end of the reactor: " + String.join(", ", tags.keySet()));
    AtomicInteger inPlace = new AtomicInteger();
    try {
      for (StagedImage image : staged) {
        if (image.result() == null) {
          pushWithEngine(image, tags);
        }
      }
      List<StagedImage> daemonless =
          staged.stream().filter(image -> image.result() != null).toList();
      Map<StagedImage, TagMoves> ready = checks.moves(registry, daemonless);
      InParallel.run(
          4,
          daemonless,
          image -> image.row().image(),
          image -> {
            ImageResult result = image.result();
            TagMoves moves = ready.get(image);
            for (String tag : result.tags()) {
              if (moves.toMove().contains(tag)) {
                moves.manifest().tag(tag);
              } else {
                inPlace.incrementAndGet();
              }
              tags.put(result.image() + ":" + tag, true);
            }
            finished(image, result.withPushed(true));
            log.info(
                "Pushed "
                    + result.image()
                    + ":"
                    + String.join(",", result.tags())
                    + " "
                    + result.digest());
            return result;
          });
    } catch (InParallel.Failure failure) {
      return failedTagging(staged, tags, failure.where, failure.cause);
    }
    long moved = tags.size();
    log.info(
        "Tagged "
            + staged.size()
            + (staged.size() == 1 ? " image" : " images")
            + " at the end of the reactor ("
            + moved
            + (moved == 1 ? " tag" : " tags")
            + (inPlace.get() > 0 ? ", " + inPlace.get() + " of them already in place" : "")
            + ")");
    return "tagged";
  }

  /** Builds and pushes, with every tag, an image the Docker engine makes. */
  private void pushWithEngine(StagedImage image, Map<String, Boolean> tags)
      throws InParallel.Failure {
    try {
      String previous = image.row().previousDigest();
      ImageResult pushed =
          image.engine().build(image.request(), Target.registry()).comparedWith(previous);
      pushed.tags().forEach(tag -> tags.put(pushed.image() + ":" + tag, true));
      new ImageReport(image.request().workDir()).write(pushed);
      state.report(
          image.project(),
          SummaryRow.image(image.row().module(), pushed.image(), pushed.tags(), "pushed")
              .withDigest(pushed.digest(), pushed.size(), pushed.shared())
              .withChange(pushed.change(), previous, image.row().since()));
    } catch (EngineException | IOException | RuntimeException e) {
      throw new InParallel.Failure(image.row().image(), e);
    }
  }

  private String failedTagging(
      List<StagedImage> staged, Map<String, Boolean> tags, String current, Throwable e) {
    List<String> moved = new ArrayList<>();
    List<String> notMoved = new ArrayList<>();
    tags.forEach((tag, done) -> (done ? moved : notMoved).add(tag));
    // A Docker engine builds its image only now: its failure is a build failure, not a tag's.
    boolean building =
        staged.stream()
            .anyMatch(image -> image.result() == null && image.row().image().equals(current));
    String problem = String.valueOf(SettingNames.render(e.getMessage()));
    int lineEnd = problem.indexOf('\n');
    // the engine's last output, when it sent some, comes after the whole first line
    String detail = lineEnd < 0 ? "" : problem.substring(lineEnd);
    String message =
        (building
                ? "Building and pushing " + current + " with the Docker engine failed: "
                : "Tagging the release failed at " + current + ": ")
            + (lineEnd < 0 ? problem : problem.substring(0, lineEnd))
            + (building && moved.isEmpty()
                ? "; no tag moved"
                : "; tags moved: "
                    + (moved.isEmpty() ? "none" : String.join(", ", moved))
                    + "; tags not moved: "
                    + String.join(", ", notMoved)
                    + "; rerun mvn deploy to complete them (what is in the registry is not sent"
                    + " again)")
            + detail;
    message.lines().forEach(log::error);
    for (StagedImage image : staged) {
      SummaryRow row = state.row(image.project()).orElse(image.row());
      if (!row.outcome().equals("pushed")) {
        state.report(image.project(), row.withOutcome(NOT_TAGGED, "tagging failed"));
      }
    }
    // Maven's report adds a cause's message it does not find in the message: with the engine's
    // output moved after the tags, the cause would be printed a second time
    log.debug("The failure at " + current, NamedCause.of(e));
    session
        .getResult()
        .addException(
            detail.isEmpty()
                ? new MojoExecutionException(message, NamedCause.of(e))
                : new MojoExecutionException(message));
    return moved.isEmpty() ? NOT_TAGGED : "partly tagged";
  }

  private void finished(StagedImage image, ImageResult pushed) throws IOException {
    new ImageReport(image.request().workDir()).write(pushed);
    state.report(image.project(), image.row().withOutcome("pushed", image.row().reason()));
  }

  private boolean anyRow(List<MavenProject> reactor, String outcome) {
    return reactor.stream()
        .map(state::row)
        .anyMatch(row -> row.isPresent() && row.get().outcome().equals(outcome));
  }

  /** The summary rows: every module a dockyard goal reported, and every module that failed. */
  private List<SummaryRow> rows(List<MavenProject> reactor) {
    List<SummaryRow> rows = new ArrayList<>();
    for (MavenProject project : reactor) {
      SummaryRow row = rowFor(project);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The module's row; null for a module that succeeded without running dockyard. */
  private SummaryRow rowFor(MavenProject project) {
    SummaryRow row = state.row(project).orElse(null);
    BuildSummary summary = session.getResult().getBuildSummary(project);
    if (row == null && summary instanceof BuildFailure) {
      return SummaryRow.withoutImage(project.getArtifactId(), "failed");
    }
    if (row == null && summary == null) {
      return SummaryRow.withoutImage(project.getArtifactId(), "not built");
    }
    return row;
  }

  /** release.json's modules: every module of the reactor, those without dockyard too. */
  private List<ReleaseReport.Module> modules(List<MavenProject> reactor) {
    List<ReleaseReport.Module> modules = new ArrayList<>();
    for (MavenProject project : reactor) {
      SummaryRow row = rowFor(project);
      if (row == null) {
        row =
            SummaryRow.skipped(
                project.getArtifactId(),
                "dockyard does not run in this module (no build or push execution)");
      }
      modules.add(ReleaseReport.Module.of(row).withService(state.service(project).orElse(null)));
    }
    return modules;
  }

  private void printSummary(List<SummaryRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    log.info("dockyard summary:");
    for (String line : SummaryTable.format(rows)) {
      log.info("  " + line);
    }
  }

  private Path writeRelease(ReleaseReport.Release release) {
    Path file =
        Path.of(session.getExecutionRootDirectory())
            .resolve("target")
            .resolve("dockyard")
            .resolve(ReleaseReport.FILE);
    try {
      ReleaseReport.write(file, release);
      log.debug("Wrote " + file);
      return file;
    } catch (IOException e) {
      String message =
          "Cannot write " + file + ": " + e + "; check that the folder is writable and has space";
      log.error(message);
      session.getResult().addException(new MojoExecutionException(message, e));
      return null;
    }
  }
}
