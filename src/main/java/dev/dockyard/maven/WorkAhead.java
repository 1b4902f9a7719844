package dev.dockyard.maven;

/**
 * Registry work done ahead, on a daemon thread, as soon as the first dockyard goal of a session
 * starts: greeting the target registry and reading the base image's digest while Maven builds the
 * first modules, so the first push finds jib's HTTP stack loaded and the base registry's TLS
 * handshake and login done. Loading classes for their own sake is left out: on a machine with few
 * cores it slows Maven's own first plugins more than it saves (measured in {@code
 * docs/benchmark.md}).
 */
final class WorkAhead {

  private WorkAhead() {}

  static void start(Runnable ahead) {
    Thread thread = new Thread(() -> quietly(ahead), "dockyard-ahead");
    thread.setDaemon(true);
    thread.setContextClassLoader(WorkAhead.class.getClassLoader());
    thread.start();
  }

  /**
   * Runs the work, which may still be under way when a failed build ends and Maven closes the
   * plugin's class realm: a class it then cannot load ends the head start without a word, as any
   * other failure of it does (the module that needs the answer meets that failure itself).
   */
  private static void quietly(Runnable ahead) {
    try {
      ahead.run();
    } catch (RuntimeException | LinkageError e) {
      // a head start only
    }
  }
}
