package dev.dockyard.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry clients one reactor reuses from module to module, so that each registry is greeted (its
 * {@code /v2/} ping, the HTTPS attempt before plain HTTP, the token) once per repository and
 * credential rather than for every call, and the answers that hold for the whole reactor (a base
 * image's digest). Engines choose the keys and what they keep.
 */
public final class RegistryConnections {

  private final Map<String, Object> clients = new ConcurrentHashMap<>();
  private final Set<String> said = ConcurrentHashMap.newKeySet();

  /** The client kept under this key, if any. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(String key) {
    return Optional.ofNullable((T) clients.get(key));
  }

  /** Keeps a client under this key; two modules racing to connect keep either one. */
  public void keep(String key, Object client) {
    clients.put(key, client);
  }

  /**
   * True the first time the reactor asks with this line, false after: for what the log says once
   * per reactor (which credential a registry is given), however many modules and threads ask.
   */
  public boolean firstTime(String line) {
    return said.add(line);
  }

  /** Forgets every client, after a failure that may have left one unusable. */
  public void clear() {
    clients.clear();
  }
}
