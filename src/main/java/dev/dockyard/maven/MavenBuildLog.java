package dev.dockyard.maven;

import dev.dockyard.engine.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The engines' log, written to the Maven log with the settings named in Maven's words. */
final class MavenBuildLog implements BuildLog {

  private final Log log;
  private final boolean batch;

  MavenBuildLog(Log log, boolean batch) {
    this.log = log;
    this.batch = batch;
  }

  @Override
  public void info(String message) {
    log.info(SettingNames.render(message));
  }

  @Override
  public void warn(String message) {
    log.warn(SettingNames.render(message));
  }

  @Override
  public void debug(String message) {
    log.debug(SettingNames.render(message));
  }

  @Override
  public boolean isBatch() {
    return batch;
  }
}
