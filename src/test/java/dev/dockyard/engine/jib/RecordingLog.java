package dev.dockyard.engine.jib;

import dev.dockyard.engine.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A build log that keeps what the engine writes, for tests that assert on the lines. */
final class RecordingLog implements BuildLog {

  final List<String> infos = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final List<String> debugs = new ArrayList<>();

  @Override
  public void info(String message) {
    infos.add(message);
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }

  @Override
  public void debug(String message) {
    debugs.add(message);
  }

  @Override
  public boolean isBatch() {
    return true;
  }
}
