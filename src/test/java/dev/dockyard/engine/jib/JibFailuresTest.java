package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import dev.dockyard.engine.EngineException;
import dev.dockyard.engine.ImageRequest;
import dev.dockyard.files.FileProblem;
import dev.dockyard.maven.Rendered;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.CredentialLookupException;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class JibFailuresTest {

  private static final String IMAGE = "registry.corp/shop/orders";
  private static final String SOURCE = "settings.xml <server> 'registry.corp'";
  private static final String SOURCES =
      "settings.xml <server> 'registry.corp', DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD,"
          + " Docker config";
  private static final Path CACHE = Path.of("/build/.dockyard/base-layers");

  private final RecordingLog log = new RecordingLog();

  private static RegistryPolicy anonymous() {
    return new RegistryPolicy(
            List.of(), Map.of(), r -> Optional.empty(), null, CaCertificates.none())
        .withRetryTime(Duration.ofSeconds(30));
  }

  private static RegistryPolicy withCredential() {
    return new RegistryPolicy(
        List.of(),
        Map.of(),
        r -> Optional.of(new RegistryCredential("alice", "secret", SOURCE)),
        null,
        CaCertificates.none());
  }

  private ImageRequest request(RegistryPolicy registries) {
    return new ImageRequest(
        "orders",
        new Dockerfile(List.of(), "Dockerfile", '\\', List.of()),
        null,
        null,
        TestImages.named("registry.corp", "shop", "orders"),
        List.of("1.0"),
        Map.of(),
        null,
        Instant.EPOCH,
        registries,
        CACHE,
        log,
        null,
        Map.of(),
        null);
  }

  private EngineException translated(Throwable failure) {
    ImageRequest request = request(anonymous());
    return JibFailures.translate(failure, request, credentials(request));
  }

  private JibCredentials credentials(ImageRequest request) {
    return new JibCredentials(request.registries(), log);
  }

  /** jib's wrapper of a registry's HTTP error; its constructor is jib's own. */
  private static ResponseException response(int status, String reason) throws Exception {
    Constructor<ResponseException> constructor =
        ResponseException.class.getDeclaredConstructor(HttpResponseException.class, boolean.class);
    constructor.setAccessible(true);
    return constructor.newInstance(
        new HttpResponseException.Builder(status, reason, new HttpHeaders()).build(), false);
  }

  @Test
  void unauthorizedWithoutCredentialsSaysWhereTheyWereLookedFor() {
    EngineException e =
        translated(new RegistryUnauthorizedException("registry.corp", "shop/orders", null));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry requires credentials (401 Unauthorized) for 'registry.corp/shop/orders' and"
                + " none were found; set a <server> in settings.xml whose id is the registry host,"
                + " or DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login"
                + " (looked in "
                + SOURCES
                + ")");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void unauthorizedWithCredentialsNamesTheSourceThatWasRefused() throws Exception {
    ImageRequest request = request(withCredential());
    JibCredentials credentials = credentials(request);
    credentials.retrieve(ImageReference.parse(IMAGE));

    EngineException e =
        JibFailures.translate(
            new ExecutionException(
                new RegistryUnauthorizedException(
                    "registry.corp", "shop/orders", response(401, "Unauthorized"))),
            request,
            credentials);

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry refused the credentials (401 Unauthorized) for 'registry.corp/shop/orders'"
                + " from "
                + SOURCE
                + "; fix the user name or password there (an earlier source in the chain wins: "
                + SOURCES
                + ")");
    assertThat(e.userFixable()).isTrue();
    assertThat(Rendered.message(e)).doesNotContain("secret");
  }

  @Test
  void forbiddenSaysTheAccountLacksPermission() throws Exception {
    ImageRequest request = request(withCredential());
    JibCredentials credentials = credentials(request);
    credentials.retrieve(ImageReference.parse(IMAGE));

    EngineException e =
        JibFailures.translate(
            new RegistryUnauthorizedException(
                "registry.corp", "shop/orders", response(403, "Forbidden")),
            request,
            credentials);

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry denied access (403 Forbidden) to 'registry.corp/shop/orders' for the"
                + " credentials from "
                + SOURCE
                + "; the account lacks pull or push permission on that repository: grant it in"
                + " the registry, or use an account that has it");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void forbiddenWithoutCredentialsSaysAnonymous() throws Exception {
    EngineException e =
        translated(
            new RegistryUnauthorizedException(
                "registry.corp", "shop/orders", response(403, "Forbidden")));

    assertThat(Rendered.message(e))
        .startsWith(
            "Registry denied access (403 Forbidden) to 'registry.corp/shop/orders' for the"
                + " credentials from nowhere (anonymous); ");
  }

  @Test
  void credentialsNotSentOverPlainHttpPointsToHttps() throws Exception {
    Constructor<RegistryCredentialsNotSentException> constructor =
        RegistryCredentialsNotSentException.class.getDeclaredConstructor(
            String.class, String.class);
    constructor.setAccessible(true);

    EngineException e = translated(constructor.newInstance("registry.corp", "shop/orders"));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry asks for credentials over plain HTTP: 'Required credentials for"
                + " registry.corp/shop/orders were not sent because the connection was over"
                + " HTTP'; credentials are never sent over plain HTTP: serve the registry over"
                + " HTTPS (for a registry in <insecureRegistries>, -DsendCredentialsOverHttp=true"
                + " allows it)");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void insecureRegistryWithAnUntrustedCertificateShowsJibsMessageAndTheTlsDetail()
      throws Exception {
    EngineException e =
        translated(
            new InsecureRegistryException(
                new URL("https://registry.corp/v2/"),
                new SSLHandshakeException(
                    "PKIX path building failed: unable to find valid certification path to"
                        + " requested target")));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry certificate is not trusted: 'Failed to verify the server at"
                + " https://registry.corp/v2/ because only secure connections are allowed."
                + " (PKIX path building failed: unable to find valid certification path to"
                + " requested target)'; trust its CA (<caCertificates>/-Ddockyard.caCertificates"
                + " or the JVM trust store), or list it in"
                + " <insecureRegistries>/-Ddockyard.insecureRegistries to allow unverified TLS");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void plainHttpWhereHttpsIsRequiredSuggestsInsecureRegistries() {
    EngineException e =
        translated(
            new IOException(
                "handshake", new SSLException("Unsupported or unrecognized SSL message")));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry speaks plain HTTP where HTTPS is required: 'Unsupported or unrecognized SSL"
                + " message'; serve the registry over HTTPS, or list it in"
                + " <insecureRegistries>/-Ddockyard.insecureRegistries to allow plain HTTP"
                + " (credentials are then not sent to it over HTTP)");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void aCertificateForAnotherNameIsNotTrusted() {
    EngineException e =
        translated(
            new SSLHandshakeException(
                "No subject alternative names matching IP address 127.0.0.1 found"));

    assertThat(Rendered.message(e))
        .startsWith(
            "Registry certificate is not trusted: 'No subject alternative names matching IP"
                + " address 127.0.0.1 found'; trust its CA");
  }

  @Test
  void anotherTlsFailureIsSaidAsSuch() {
    EngineException e =
        translated(new SSLHandshakeException("Received fatal alert: handshake_failure"));

    assertThat(Rendered.message(e))
        .startsWith(
            "TLS with the registry failed: 'Received fatal alert: handshake_failure'; trust its"
                + " CA");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void anUnknownHostNamesTheSettingsThatNameHosts() {
    EngineException e =
        translated(new IOException("lookup", new UnknownHostException("registry.invalid")));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry host unknown: 'registry.invalid' while building "
                + IMAGE
                + "; check the host in <registry>/-Ddockyard.registry, FROM and <mirrors>, and"
                + " the machine's DNS");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void aRefusedConnectionIsTheEnvironmentsFailure() {
    EngineException e =
        translated(
            new ExecutionException(new IOException(new ConnectException("Connection refused"))));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry not answering: 'Connection refused' while building "
                + IMAGE
                + "; check that the registry runs and <registry>/-Ddockyard.registry and FROM"
                + " name it correctly");
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void anUnknownManifestIsAMissingBaseImage() {
    EngineException e = translated(new IOException("MANIFEST_UNKNOWN: manifest unknown"));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Base image not found: 'MANIFEST_UNKNOWN: manifest unknown'; check the FROM line of"
                + " Dockerfile (or <from>/-Ddockyard.from) and that the image was pushed");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void aRegistryThatKeepsFailingNamesTheRetryTime() {
    EngineException e = translated(new SocketException("Connection reset"));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Registry registry.corp kept failing: 'SocketException: Connection reset' while"
                + " pushing "
                + IMAGE
                + ", retried for up to <registryRetryTime> (30s); check that the registry and any"
                + " proxy in front of it are healthy, then rerun (what was uploaded is kept and"
                + " skipped), or retry longer with -Ddockyard.registryRetryTime=SECONDS");
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void aFileFailureIsDescribedWithTheCacheFolder() {
    ImageRequest request = request(anonymous());
    AccessDeniedException denied = new AccessDeniedException("/build/.dockyard/base-layers/x");

    EngineException e =
        JibFailures.of(new UncheckedIOException(denied), request, credentials(request));

    assertThat(e.getMessage())
        .isEqualTo(
            new FileProblem(Path.of("/build/.dockyard")).describe("building " + IMAGE, denied));
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void anythingElseSaysTheImageAndTheFailure() {
    EngineException e = translated(new IllegalStateException("boom"));

    assertThat(Rendered.message(e))
        .isEqualTo("Building " + IMAGE + " failed: java.lang.IllegalStateException: boom");
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void aCredentialLookupFailureKeepsItsOwnMessage() {
    EngineException e =
        translated(new CredentialLookupException("Cannot read Docker config '/x/config.json'"));

    assertThat(Rendered.message(e)).isEqualTo("Cannot read Docker config '/x/config.json'");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void anEngineFailureCarriedOutOfTheBaseImageLookupIsPassedOn() {
    EngineException inner = new EngineException("as it was", false, null);

    assertThat(translated(new JibFailures.BaseImageUnreadable(inner))).isSameAs(inner);
  }

  @Test
  void aDockerfileProblemKeepsItsMessage() {
    ImageRequest request = request(anonymous());
    DockerfileException problem =
        new DockerfileException("Bad FROM", "x y", new Location("Dockerfile", 1), "fix it");

    EngineException e = JibFailures.of(problem, request, credentials(request));

    assertThat(Rendered.message(e)).isEqualTo("Bad FROM: 'x y' at Dockerfile:1; fix it");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void anInvalidImageReferenceNamesTheSettingsThatMakeIt() {
    ImageRequest request = request(anonymous());

    EngineException e =
        JibFailures.of(
            new InvalidImageReferenceException("Registry.Corp/Shop"),
            request,
            credentials(request));

    assertThat(Rendered.message(e))
        .isEqualTo(
            "Invalid image reference: 'Registry.Corp/Shop'; check"
                + " <registry>, <namespace> and <repository>");
    assertThat(e.userFixable()).isTrue();
  }

  @Test
  void aCacheThatCannotBeCreatedIsDescribedWithItsFolder() {
    ImageRequest request = request(anonymous());
    AccessDeniedException denied = new AccessDeniedException(CACHE.toString());

    EngineException e =
        JibFailures.of(new CacheDirectoryCreationException(denied), request, credentials(request));

    assertThat(e.getMessage())
        .isEqualTo(
            new FileProblem(Path.of("/build/.dockyard"))
                .describe("creating the layer cache", denied));
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void anInterruptedBuildKeepsTheInterrupt() {
    ImageRequest request = request(anonymous());

    EngineException e = JibFailures.of(new InterruptedException(), request, credentials(request));

    assertThat(Thread.interrupted()).isTrue();
    assertThat(Rendered.message(e)).isEqualTo("Interrupted while building " + IMAGE);
    assertThat(e.userFixable()).isFalse();
  }

  @Test
  void anExecutionFailureIsTranslatedByItsCause() {
    ImageRequest request = request(anonymous());

    EngineException e =
        JibFailures.of(
            new ExecutionException(new UnknownHostException("registry.invalid")),
            request,
            credentials(request));

    assertThat(Rendered.message(e)).startsWith("Registry host unknown: 'registry.invalid' while");
  }
}
