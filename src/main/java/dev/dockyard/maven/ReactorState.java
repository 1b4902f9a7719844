package dev.dockyard.maven;

import dev.dockyard.compose.Service;
import dev.dockyard.engine.ImageEngine;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.engine.ImageResult;
import dev.dockyard.engine.LayerLedger;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.layout.JarMembership;
import dev.dockyard.report.SummaryRow;
import dev.dockyard.select.ModuleCandidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * What the modules of one reactor share while the plugin runs in them, possibly in parallel: the
 * image names they claimed, and the summary rows. Kept in the session, never in static state.
 */
final class ReactorState {

  private final Map<String, String> imageOwners = new ConcurrentHashMap<>();
  private final Map<String, SummaryRow> rows = new ConcurrentHashMap<>();
  private final Map<String, ModuleCandidate> candidates = new ConcurrentHashMap<>();
  private LayerLedger layers;
  private JarMembership membership;
  private final Map<String, StagedImage> staged = new ConcurrentHashMap<>();
  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private volatile BundleSettings bundle;
  private boolean listening;
  private final RegistryConnections connections = new RegistryConnections();

  /**
   * An image whose tags move at the end of the reactor.
   *
   * @param request what the engine was asked, kept to reach the registry again
   * @param engine the engine that built it
   * @param result what the engine pushed by digest; null when the engine pushes only at the end
   * @param row the module's summary row
   */
  record StagedImage(
      MavenProject project,
      ImageRequest request,
      ImageEngine engine,
      ImageResult result,
      SummaryRow row) {}

  /** The reactor's shared state, created by whichever module asks first. */
  static ReactorState of(MavenSession session) {
    SessionData data = session.getRepositorySession().getData();
    while (true) {
      Object existing = data.get(ReactorState.class.getName());
      if (existing instanceof ReactorState state) {
        return state;
      }
      ReactorState created = new ReactorState();
      if (data.set(ReactorState.class.getName(), existing, created)) {
        return created;
      }
    }
  }

  /**
   * The layers pushed by the reactor's modules and by earlier builds, kept in this file; read by
   * the first module that asks, which says so when entries of the file were damaged and dropped.
   */
  synchronized LayerLedger layers(Path file, org.apache.maven.plugin.logging.Log log) {
    if (layers == null) {
      layers = LayerLedger.keptIn(file);
      if (layers.dropped() > 0) {
        log.warn(
            "Dropped "
                + layers.dropped()
                + " damaged entries of the ledger of pushed layers "
                + file
                + " (cut short or changed, their checksum fails): they are not trusted, and"
                + " rebuilt as layers are pushed");
      }
    }
    return layers;
  }

  /** Which image modules use each release jar, resolved by the first module that asks. */
  synchronized JarMembership membership(Supplier<JarMembership> resolve) {
    if (membership == null) {
      membership = resolve.get();
    }
    return membership;
  }

  /** Another module's candidate, inspected once per reactor. */
  ModuleCandidate candidate(MavenProject module, ModuleInspector inspector) {
    return candidates.computeIfAbsent(module.getId(), id -> inspector.inspect(module));
  }

  /** True when the module was inspected and would become an image. */
  boolean isImageModule(MavenProject module) {
    ModuleCandidate candidate = candidates.get(module.getId());
    return candidate != null && candidate.isImageModule();
  }

  /** Claims an image name for a module; returns the other module that already holds it. */
  Optional<String> claim(String image, String module) {
    String owner = imageOwners.putIfAbsent(image, module);
    return owner == null || owner.equals(module) ? Optional.empty() : Optional.of(owner);
  }

  /** Records a module's summary row; a later goal's row replaces an earlier one. */
  void report(MavenProject project, SummaryRow row) {
    rows.put(project.getId(), row);
  }

  /** The module's row, if a dockyard goal reported one. */
  Optional<SummaryRow> row(MavenProject project) {
    return Optional.ofNullable(rows.get(project.getId()));
  }

  /**
   * The release bundle's settings, as the first image module that pushed saw them.
   *
   * @param releaseName the name, or null for the default
   * @param portOffset the offset, or null for the one the name gives
   * @param skip true when no bundle is written
   */
  record BundleSettings(String releaseName, String portOffset, boolean skip) {

    /** These settings for a bundle written all the same ({@code dockyard:compose} asked for it). */
    BundleSettings written() {
      return new BundleSettings(releaseName, portOffset, false);
    }
  }

  /** Records how a module's image runs in the bundle, and the bundle's settings once. */
  synchronized void service(MavenProject project, Service service, BundleSettings settings) {
    services.put(project.getId(), service);
    if (bundle == null) {
      bundle = settings;
    }
  }

  /** How the module's image runs in the bundle, if it pushed one. */
  Optional<Service> service(MavenProject project) {
    return Optional.ofNullable(services.get(project.getId()));
  }

  /** The bundle's settings; null when no image module pushed. */
  BundleSettings bundle() {
    return bundle;
  }

  /** The registry clients the reactor's modules share. */
  RegistryConnections connections() {
    return connections;
  }

  /** Keeps an image whose tags move at the end of the reactor. */
  void stage(StagedImage image) {
    staged.put(image.project().getId(), image);
  }

  /** The staged images, in reactor order. */
  List<StagedImage> staged(List<MavenProject> reactor) {
    List<StagedImage> ordered = new ArrayList<>();
    for (MavenProject project : reactor) {
      StagedImage image = staged.get(project.getId());
      if (image != null) {
        ordered.add(image);
      }
    }
    return ordered;
  }

  /**
   * Puts the end-of-reactor step in front of Maven's execution listener, once per session, and
   * starts {@code ahead} (registry work done early) on a thread of its own. Maven fires
   * SessionEnded through the request's listener after the last module, whether or not that module
   * runs dockyard, and whether the build succeeded or failed.
   */
  synchronized void listen(MavenSession session, Log log, Runnable ahead) {
    if (listening) {
      return;
    }
    listening = true;
    WorkAhead.start(ahead);
    MavenExecutionRequest request = session.getRequest();
    request.setExecutionListener(
        new ReleaseAtEnd(
            request.getExecutionListener(),
            ended -> new ReactorRelease(ended, this, log).finish()));
  }

  /** True when the session runs dockyard:push (as a goal, or through the deploy phase). */
  static boolean willPush(MavenSession session, ModuleConfig config) {
    if (config.registry() == null || config.skip() || config.skipPush() || session.isOffline()) {
      return false;
    }
    return session.getGoals().stream()
        .anyMatch(goal -> goal.equals("deploy") || goal.endsWith(":push"));
  }
}
