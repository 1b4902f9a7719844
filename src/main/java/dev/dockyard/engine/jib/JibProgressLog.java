package dev.dockyard.engine.jib;

import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;
import dev.dockyard.engine.BuildLog;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Jib's progress events into sparse log lines: at most one a second on a terminal, and in
 * batch mode only at each quarter and at most every ten seconds, so CI logs stay readable.
 */
final class JibProgressLog {

  private final String module;
  private final BuildLog log;
  private final long intervalMillis;
  private final Map<Allocation, Long> doneByAllocation = new HashMap<>();
  private double done;
  private long lastLog;
  private int lastQuarter;

  JibProgressLog(String module, BuildLog log) {
    this.module = module;
    this.log = log;
    this.intervalMillis = log.isBatch() ? 10_000 : 1_000;
  }

  synchronized void accept(ProgressEvent event) {
    Allocation allocation = event.getAllocation();
    long units = event.getUnits();
    if (allocation.getAllocationUnits() > 0) {
      done += allocation.getFractionOfRoot() * units / allocation.getAllocationUnits();
    }
    boolean first = !doneByAllocation.containsKey(allocation);
    long allocationDone = doneByAllocation.merge(allocation, units, Long::sum);
    String description = allocation.getDescription();
    if (first && description.startsWith("pushing")) {
      // -X shows where a push is: which blob or manifest goes up now.
      log.debug(module + ": " + description.trim());
    }
    boolean bytes = description.startsWith("pushing blob") || description.startsWith("pulling");
    long now = System.currentTimeMillis();
    int quarter = (int) Math.min(4, Math.floor(done * 4));
    boolean due =
        log.isBatch()
            ? quarter > lastQuarter && now - lastLog >= intervalMillis
            : now - lastLog >= intervalMillis;
    if (due && done < 0.999) {
      lastLog = now;
      lastQuarter = quarter;
      String detail =
          bytes
              ? String.format(
                  Locale.ROOT,
                  "%s: %s of %s",
                  description.trim(),
                  megabytes(allocationDone),
                  megabytes(allocation.getAllocationUnits()))
              : description.trim();
      log.info(String.format(Locale.ROOT, "%s: %3.0f%% (%s)", module, done * 100, detail));
    }
  }

  synchronized void finish() {
    log.debug(module + ": done");
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }
}
