package dev.dockyard.registry;

import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Certificate authorities from {@code <caCertificates>} (PEM or DER files), trusted for registries
 * on top of the JVM's trust store during one build.
 */
public final class CaCertificates {

  private final List<Path> files;
  private final List<X509Certificate> certificates;

  private CaCertificates(List<Path> files, List<X509Certificate> certificates) {
    this.files = List.copyOf(files);
    this.certificates = List.copyOf(certificates);
  }

  public static CaCertificates none() {
    return new CaCertificates(List.of(), List.of());
  }

  /**
   * Reads every certificate of every file.
   *
   * @throws CertificateFileException naming the file when one is missing or holds no certificate
   */
  public static CaCertificates load(List<Path> files) throws CertificateFileException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new CertificateFileException(
            "CA certificate file not found: '"
                + file
                + "' in "
                + Setting.CA_CERTIFICATES.slashed()
                + "; give PEM or DER files,"
                + " relative to the module directory or absolute");
      }
      int before = certificates.size();
      try (InputStream in = Files.newInputStream(file)) {
        for (Certificate certificate :
            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          if (certificate instanceof X509Certificate x509) {
            certificates.add(x509);
          }
        }
      } catch (IOException | CertificateException e) {
        throw new CertificateFileException(
            "Cannot read CA certificate: '"
                + file
                + "' ("
                + e.getMessage()
                + ") in "
                + Setting.CA_CERTIFICATES.slashed()
                + "; give PEM or DER files",
            e);
      }
      if (certificates.size() == before) {
        throw new CertificateFileException(
            "No certificate in CA file: '"
                + file
                + "' in "
                + Setting.CA_CERTIFICATES.slashed()
                + "; give PEM or DER files");
      }
    }
    return new CaCertificates(files, certificates);
  }

  public boolean isEmpty() {
    return certificates.isEmpty();
  }

  public List<Path> files() {
    return files;
  }

  /** A trust manager for exactly these authorities (not the JVM's). */
  public X509ExtendedTrustManager trustManager() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : certificates) {
        store.setCertificateEntry("dockyard-ca-" + i++, certificate);
      }
      return trustManagerOf(store);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot build a trust store from " + files, e);
    }
  }

  /** The X.509 trust manager for a key store; null stands for the JVM's default trust store. */
  public static X509ExtendedTrustManager trustManagerOf(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X509 trust manager in " + factory.getAlgorithm());
  }

  /** A CA file that is missing or unreadable; the message names the file and the parameter. */
  public static final class CertificateFileException extends Exception {
    CertificateFileException(String message) {
      super(message);
    }

    CertificateFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
