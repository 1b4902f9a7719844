package dev.dockyard.maven;

import dev.dockyard.engine.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The engines' log, written to the Maven log. */
final class MavenBuildLog implements BuildLog {

  private final Log log;
  private final boolean batch;

  MavenBuildLog(Log log, boolean batch) {
    this.log = log;
    this.batch = batch;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }

  @Override
  public boolean isBatch() {
    return batch;
  }
}
