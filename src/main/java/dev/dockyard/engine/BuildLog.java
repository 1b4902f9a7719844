package dev.dockyard.engine;

/** Where engines report what they do; the Maven layer adapts it to the Maven log. */
public interface BuildLog {

  void info(String message);

  void warn(String message);

  void debug(String message);

  /** True when progress should be sparse: batch mode or no terminal. */
  boolean isBatch();
}
