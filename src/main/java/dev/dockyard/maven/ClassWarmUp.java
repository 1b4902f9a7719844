package dev.dockyard.maven;

import dev.dockyard.engine.jib.RegistryGreeting;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Loads the engines' classes (jib-core, its HTTP client, Jackson) on a daemon thread as soon as the
 * first dockyard goal of a session starts: Maven builds the first modules on one core, the loading
 * runs beside it, and the first push no longer waits half a second for it. Loading is all it does;
 * a class that fails to load is loaded again, and reported, where it is used.
 */
final class ClassWarmUp {

  static final List<String> CLASSES =
      List.of(
          "com.google.cloud.tools.jib.api.Jib",
          "com.google.cloud.tools.jib.api.Containerizer",
          "com.google.cloud.tools.jib.api.JibContainerBuilder",
          "com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer",
          "com.google.cloud.tools.jib.registry.RegistryClient",
          "com.google.cloud.tools.jib.http.FailoverHttpClient",
          "com.google.cloud.tools.jib.image.json.V22ManifestTemplate",
          "com.fasterxml.jackson.databind.ObjectMapper",
          "dev.dockyard.engine.jib.JibEngine",
          "dev.dockyard.engine.jib.RegistryTags");

  private ClassWarmUp() {}

  /**
   * Starts the warm-up; with a registry, it ends with one anonymous request to it (see {@link
   * RegistryGreeting}), for builds that will push there.
   */
  static void start(String registry, boolean insecure) {
    ClassLoader loader = ClassWarmUp.class.getClassLoader();
    Thread thread =
        new Thread(
            () -> {
              try {
                for (String name : CLASSES) {
                  Class.forName(name, true, loader);
                }
                SSLContext.getDefault().createSSLEngine().getSupportedCipherSuites();
                KeyPairGenerator.getInstance("X25519").generateKeyPair();
                KeyPairGenerator.getInstance("EC").generateKeyPair();
                if (registry != null) {
                  RegistryGreeting.greet(registry, insecure);
                }
              } catch (ClassNotFoundException | LinkageError | GeneralSecurityException e) {
                // Only a head start: whatever failed here is done again where it is needed.
              }
            },
            "dockyard-class-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
