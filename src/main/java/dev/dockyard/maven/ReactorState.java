package dev.dockyard.maven;

import dev.dockyard.engine.LayerLedger;
import dev.dockyard.report.SummaryRow;
import dev.dockyard.select.ModuleCandidate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * What the modules of one reactor share while the plugin runs in them, possibly in parallel: the
 * image names they claimed, and the summary rows. Kept in the session, never in static state.
 */
final class ReactorState {

  private final Map<String, String> imageOwners = new ConcurrentHashMap<>();
  private final Map<String, SummaryRow> rows = new ConcurrentHashMap<>();
  private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
  private final Map<String, ModuleCandidate> candidates = new ConcurrentHashMap<>();
  private LayerLedger layers;
  private JarMembership membership;
  private volatile boolean summaryPrinted;

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
   * the first module that asks.
   */
  synchronized LayerLedger layers(Path file) {
    if (layers == null) {
      layers = LayerLedger.keptIn(file);
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

  /** Claims an image name for a module; returns the other module that already holds it. */
  Optional<String> claim(String image, String module) {
    String owner = imageOwners.putIfAbsent(image, module);
    return owner == null || owner.equals(module) ? Optional.empty() : Optional.of(owner);
  }

  /** Records a module's row for a goal; returns true when every expected module has reported. */
  boolean report(MavenProject project, SummaryRow row, String goal, List<MavenProject> expected) {
    rows.put(project.getId(), row);
    reported.put(goal + "|" + project.getId(), Boolean.TRUE);
    for (MavenProject other : expected) {
      if (!reported.containsKey(goal + "|" + other.getId())) {
        return false;
      }
    }
    return true;
  }

  /** The rows in reactor order, once: the second caller gets an empty list. */
  synchronized List<SummaryRow> takeSummary(List<MavenProject> reactor) {
    if (summaryPrinted) {
      return List.of();
    }
    summaryPrinted = true;
    List<SummaryRow> ordered = new ArrayList<>();
    for (MavenProject project : reactor) {
      SummaryRow row = rows.get(project.getId());
      if (row != null) {
        ordered.add(row);
      }
    }
    return ordered;
  }
}
