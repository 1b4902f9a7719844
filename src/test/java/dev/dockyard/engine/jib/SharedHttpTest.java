package dev.dockyard.engine.jib;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.http.FailoverHttpClient;
import dev.dockyard.engine.RegistryConnections;
import org.junit.jupiter.api.Test;

/** One HTTP client per build and insecure setting, and one of its own inside a CA scope. */
class SharedHttpTest {

  private final RegistryConnections connections = new RegistryConnections();

  @Test
  void aBuildKeepsOneClientPerInsecureSetting() {
    FailoverHttpClient insecure = SharedHttp.of(connections, true);

    assertThat(SharedHttp.of(connections, true)).isSameAs(insecure);
    assertThat(SharedHttp.of(connections, false))
        .isNotSameAs(insecure)
        .isSameAs(SharedHttp.of(connections, false));
  }

  @Test
  void aClientForgottenAfterAFailureIsMadeAgain() {
    FailoverHttpClient first = SharedHttp.of(connections, true);
    connections.clear();

    assertThat(SharedHttp.of(connections, true)).isNotSameAs(first);
  }

  @Test
  void insideACaScopeEachCallGetsAClientOfItsOwn() throws Exception {
    FailoverHttpClient shared = SharedHttp.of(connections, true);

    FailoverHttpClient scoped =
        ScopedTrust.call(ScopedTrust.jvmTrust(), () -> SharedHttp.of(connections, true));

    assertThat(scoped).isNotSameAs(shared);
    assertThat(SharedHttp.of(connections, true)).isSameAs(shared);
  }
}
