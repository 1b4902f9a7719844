package dev.dockyard.maven;

import dev.dockyard.compose.BundleException;
import dev.dockyard.compose.Member;
import dev.dockyard.compose.ReleaseBundle;
import dev.dockyard.compose.ReleaseNames;
import dev.dockyard.report.ReleaseReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Turns a release ({@code release.json}'s modules) into the release bundle: the name and port
 * offset from {@code <releaseName>} and {@code <portOffset>}, the template's properties from the
 * root project and {@code -D}, one member per image module with its image pinned by digest.
 */
final class BundleWriter {

  /** The digest put in the bundle checked before the tags move, for images not pushed yet. */
  static final String UNKNOWN_DIGEST = "sha256:" + "0".repeat(64);

  private final ReactorState.BundleSettings settings;
  private final MavenProject root;
  private final Properties user;

  BundleWriter(ReactorState.BundleSettings settings, MavenProject root, Properties user) {
    this.settings = settings;
    this.root = root;
    this.user = user;
  }

  /** The writer of a reactor's bundle; empty when no image module pushed or it is skipped. */
  static Optional<BundleWriter> forReactor(ReactorState state, MavenSession session) {
    ReactorState.BundleSettings settings = state.bundle();
    if (settings == null || settings.skip()) {
      return Optional.empty();
    }
    return Optional.of(
        new BundleWriter(settings, session.getTopLevelProject(), session.getUserProperties()));
  }

  /** What keeps the bundle of these modules from being written, checked with unknown digests. */
  Optional<String> problem(List<ReleaseReport.Module> modules) {
    try {
      prepare(modules, null, false).discard();
      return Optional.empty();
    } catch (BundleException e) {
      return Optional.of(SettingNames.render(e.getMessage()));
    }
  }

  /** Writes the bundle of a pushed release in place of the previous one, and says so. */
  Path write(List<ReleaseReport.Module> modules, Path releaseJson, Log log) throws BundleException {
    ReleaseBundle bundle = prepare(modules, releaseJson, true);
    Path folder = bundle.commit();
    log.info("Release bundle written to " + folder + ":");
    bundle.summary().forEach(line -> log.info("  " + line));
    log.info("  start it with: docker compose --project-directory " + folder + " up -d");
    return folder;
  }

  /**
   * Prepares the bundle of these modules.
   *
   * @param pushedOnly true when every image module must have been pushed (the bundle to keep);
   *     false for the check before the tags move, where digests may be unknown yet
   */
  private ReleaseBundle prepare(
      List<ReleaseReport.Module> modules, Path releaseJson, boolean pushedOnly)
      throws BundleException {
    String name =
        settings.releaseName() != null
            ? settings.releaseName()
            : ReleaseNames.defaultName(root.getArtifactId(), root.getVersion());
    return ReleaseBundle.prepare(
        new ReleaseBundle.Input(
            name,
            offset(name),
            members(modules, pushedOnly),
            root.getBasedir().toPath(),
            properties(),
            releaseJson));
  }

  private int offset(String name) throws BundleException {
    if (settings.portOffset() == null) {
      return ReleaseNames.offsetOf(name);
    }
    try {
      int offset = Integer.parseInt(settings.portOffset());
      if (offset >= 0 && offset <= 60000) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BundleException(
        "Invalid port offset: '"
            + settings.portOffset()
            + "' in <portOffset>/-Ddockyard.portOffset; use a whole number from 0 to 60000");
  }

  private static List<Member> members(List<ReleaseReport.Module> modules, boolean pushedOnly)
      throws BundleException {
    List<Member> members = new ArrayList<>();
    for (ReleaseReport.Module module : modules) {
      boolean pushed = List.of("tagged", "pushed").contains(module.status());
      if (module.service() == null && !(pushedOnly && !module.image().isEmpty())) {
        continue;
      }
      String digest = module.digest();
      if (pushedOnly && (!pushed || digest == null || digest.isEmpty())) {
        throw new BundleException(
            "Image module "
                + module.module()
                + " has no pushed image in release.json (status '"
                + module.status()
                + "'"
                + (module.reason().isEmpty() ? "" : ": " + module.reason())
                + "); the bundle pins every service by digest: run mvn deploy, so that every image"
                + " is pushed and tagged, then write the bundle");
      }
      if (module.service() == null) {
        throw new BundleException(
            "Image module "
                + module.module()
                + " was pushed by a dockyard that did not record how it runs; run mvn deploy"
                + " again, then write the bundle");
      }
      if (digest == null || digest.isEmpty()) {
        digest = UNKNOWN_DIGEST;
      }
      String tag = module.tags().isEmpty() ? "latest" : module.tags().get(0);
      members.add(
          new Member(module.module(), module.image() + ":" + tag + "@" + digest, module.service()));
    }
    return members;
  }

  private Map<String, String> properties() {
    Map<String, String> values = new LinkedHashMap<>();
    root.getProperties()
        .stringPropertyNames()
        .forEach(k -> values.put(k, root.getProperties().getProperty(k)));
    user.stringPropertyNames().forEach(k -> values.put(k, user.getProperty(k)));
    values.put("project.groupId", root.getGroupId());
    values.put("project.artifactId", root.getArtifactId());
    values.put("project.version", root.getVersion());
    values.put("project.name", String.valueOf(root.getName()));
    return values;
  }
}
