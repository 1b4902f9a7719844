package dev.dockyard.engine.jib;

import dev.dockyard.engine.BuildLog;
import dev.dockyard.engine.EngineException;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.setting.Setting;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Extra CAs for one build without leaking them into another. jib-core builds its HTTPS clients from
 * the JVM's default {@link SSLContext} and offers no hook for a trust store, so the first build
 * with {@code <caCertificates>} installs (once per JVM) a default context whose trust manager asks
 * the current thread's scope: the JVM's trust store plus the CAs of the build that runs on this
 * thread. Threads without a scope (other modules, Maven itself) get exactly the JVM's trust
 * decisions; jib's worker threads inherit the scope through {@link #propagating}.
 */
final class ScopedTrust {

  private static final ThreadLocal<X509ExtendedTrustManager> SCOPE = new ThreadLocal<>();
  private static X509ExtendedTrustManager jvmDefault;
  private static SSLContext installed;

  private ScopedTrust() {}

  /** The JVM's own trust decisions (its trust store, javax.net.ssl.trustStore when set). */
  static synchronized X509ExtendedTrustManager jvmTrust() {
    if (jvmDefault == null) {
      jvmDefault = trustManagerOf(null);
    }
    return jvmDefault;
  }

  /** The JVM's trust store plus {@code extra}: a chain passes if either trusts it. */
  static X509ExtendedTrustManager withExtra(X509ExtendedTrustManager extra) {
    return new Either(jvmTrust(), extra);
  }

  /** Installs the scoped default context once; later calls do nothing. */
  static synchronized void install() throws GeneralSecurityException, IOException {
    if (installed != null && SSLContext.getDefault() == installed) {
      return;
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(jvmKeyManagers(), new TrustManager[] {new Scoped()}, null);
    SSLContext.setDefault(context);
    installed = context;
  }

  /** Runs {@code body} with {@code trust} as this thread's scope. */
  static <T, E extends Exception> T call(X509ExtendedTrustManager trust, ScopedBody<T, E> body)
      throws E {
    X509ExtendedTrustManager previous = SCOPE.get();
    SCOPE.set(trust);
    try {
      return body.run();
    } finally {
      if (previous == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(previous);
      }
    }
  }

  /** An executor whose tasks run in {@code trust}'s scope. */
  static ExecutorService propagating(ExecutorService delegate, X509ExtendedTrustManager trust) {
    return new AbstractExecutorService() {
      @Override
      public void execute(Runnable command) {
        delegate.execute(
            () -> {
              try {
                call(
                    trust,
                    () -> {
                      command.run();
                      return null;
                    });
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
      }

      @Override
      public void shutdown() {
        delegate.shutdown();
      }

      @Override
      public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
      }

      @Override
      public boolean isShutdown() {
        return delegate.isShutdown();
      }

      @Override
      public boolean isTerminated() {
        return delegate.isTerminated();
      }

      @Override
      public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
      }
    };
  }

  /** A body run inside a scope. */
  @FunctionalInterface
  interface ScopedBody<T, E extends Exception> {
    T run() throws E;
  }

  /** A body run with the trust of {@code <caCertificates>}: null when there are none. */
  @FunctionalInterface
  interface TrustedBody<T> {
    T run(X509ExtendedTrustManager trust) throws EngineException;
  }

  /** Runs {@code body} trusting the JVM trust store plus these CAs, in this thread's scope. */
  static <T> T trusting(CaCertificates cas, BuildLog log, TrustedBody<T> body)
      throws EngineException {
    if (cas.isEmpty()) {
      return body.run(null);
    }
    X509ExtendedTrustManager trust = withExtra(cas.trustManager());
    try {
      install();
    } catch (GeneralSecurityException | IOException e) {
      throw new EngineException(
          "Cannot install the CA certificates of "
              + Setting.CA_CERTIFICATES.element()
              + ": '"
              + cas.files()
              + "'; "
              + e,
          false,
          e);
    }
    log.debug("Trusting the JVM trust store and the CAs in " + cas.files());
    return call(trust, () -> body.run(trust));
  }

  /** This thread's scope, or null outside {@link #call}. */
  static X509ExtendedTrustManager scoped() {
    return SCOPE.get();
  }

  private static X509ExtendedTrustManager current() {
    X509ExtendedTrustManager scoped = SCOPE.get();
    return scoped != null ? scoped : jvmTrust();
  }

  static X509ExtendedTrustManager trustManagerOf(KeyStore store) {
    try {
      return CaCertificates.trustManagerOf(store);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the JVM trust store", e);
    }
  }

  /** The client keys the JDK's default context would use (javax.net.ssl.keyStore), if any. */
  private static KeyManager[] jvmKeyManagers() throws GeneralSecurityException, IOException {
    String path = System.getProperty("javax.net.ssl.keyStore");
    if (path == null || path.isBlank() || path.equals("NONE")) {
      return null;
    }
    String type = System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
    String password = System.getProperty("javax.net.ssl.keyStorePassword", "");
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = new FileInputStream(path)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password.toCharArray());
    return factory.getKeyManagers();
  }

  /** Trust decided by the calling thread's scope. */
  private static final class Scoped extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      current().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      current().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      current().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      current().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      current().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      current().checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return current().getAcceptedIssuers();
    }
  }

  /** Trusts a chain that either manager trusts. */
  private static final class Either extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager first;
    private final X509ExtendedTrustManager second;

    Either(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
      this.first = first;
      this.second = second;
    }

    @FunctionalInterface
    private interface Check {
      void check(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void either(Check check) throws CertificateException {
      try {
        check.check(first);
      } catch (CertificateException e) {
        try {
          check.check(second);
        } catch (CertificateException ignored) {
          throw e;
        }
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      either(m -> m.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      either(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      either(m -> m.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      either(m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      either(m -> m.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      either(m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = first.getAcceptedIssuers();
      X509Certificate[] b = second.getAcceptedIssuers();
      X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}
