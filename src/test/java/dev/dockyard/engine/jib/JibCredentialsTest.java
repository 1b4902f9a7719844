package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.dockyard.engine.RegistryConnections;
import dev.dockyard.registry.CaCertificates;
import dev.dockyard.registry.RegistryCredential;
import dev.dockyard.registry.RegistryPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which credential a registry gets is said once per reactor, and again only when it changes. */
class JibCredentialsTest {

  private static final String SOURCE = "environment DOCKYARD_REGISTRY_USERNAME/PASSWORD";

  private final RecordingLog log = new RecordingLog();
  private final RegistryConnections reactor = new RegistryConnections();

  private static RegistryPolicy as(String user) {
    return new RegistryPolicy(
        List.of(),
        Map.of(),
        registry -> Optional.of(new RegistryCredential(user, "s3cret-" + user, SOURCE)),
        null,
        CaCertificates.none());
  }

  private static ImageReference image(String name) throws Exception {
    return ImageReference.parse(name);
  }

  @Test
  void everyModuleOfTheReactorAskingLeavesOneLinePerRegistry() throws Exception {
    for (String module : List.of("a", "b", "c")) {
      JibCredentials credentials = new JibCredentials(as("alice"), log, reactor);
      credentials.retrieve(image("127.0.0.1:5000/shop/" + module));
      credentials.retrieve(image("127.0.0.1:5000/shop/" + module));
      credentials.retrieve(image("127.0.0.1:5443/base/java17"));
    }

    assertThat(log.infos)
        .containsExactly(
            "Registry 127.0.0.1:5000: using credentials of 'alice' from " + SOURCE,
            "Registry 127.0.0.1:5443: using credentials of 'alice' from " + SOURCE);
  }

  @Test
  void anotherCredentialForTheSameRegistryIsSaidToo() throws Exception {
    new JibCredentials(as("alice"), log, reactor).retrieve(image("127.0.0.1:5000/shop/a"));
    new JibCredentials(as("bob"), log, reactor).retrieve(image("127.0.0.1:5000/shop/b"));
    new JibCredentials(as("alice"), log, reactor).retrieve(image("127.0.0.1:5000/shop/c"));

    assertThat(log.infos)
        .containsExactly(
            "Registry 127.0.0.1:5000: using credentials of 'alice' from " + SOURCE,
            "Registry 127.0.0.1:5000: using credentials of 'bob' from " + SOURCE);
    assertThat(String.join("\n", log.infos)).doesNotContain("s3cret");
  }

  @Test
  void withoutAReactorEachInstanceSaysItOnce() throws Exception {
    JibCredentials first = new JibCredentials(as("alice"), log);
    first.retrieve(image("127.0.0.1:5000/shop/a"));
    first.retrieve(image("127.0.0.1:5000/shop/a"));
    new JibCredentials(as("alice"), log).retrieve(image("127.0.0.1:5000/shop/a"));

    assertThat(log.infos).hasSize(2);
  }

  @Test
  void theSourceUsedIsKnownForErrorMessages() throws Exception {
    JibCredentials credentials = new JibCredentials(as("alice"), log, reactor);
    assertThat(credentials.sourceFor("127.0.0.1:5000")).isEmpty();

    credentials.retrieve(image("127.0.0.1:5000/shop/a"));

    assertThat(credentials.sourceFor("127.0.0.1:5000")).contains(SOURCE);
  }
}
