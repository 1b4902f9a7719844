package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Shell value of an engine's image config, as its JSON gives it. */
class BaseShellsTest {

  @Test
  void aShellListIsTheArgvInOrder() {
    assertThat(
            BaseShells.shellIn(
                Map.of("Shell", List.of("/bin/env", "X=1", "/bin/sh", "-c"), "Cmd", List.of("x"))))
        .containsExactly("/bin/env", "X=1", "/bin/sh", "-c");
  }

  @Test
  void noShellOrAnEmptyOneIsNone() {
    assertThat(BaseShells.shellIn(null)).isNull();
    assertThat(BaseShells.shellIn(Map.of("Cmd", List.of("x")))).isNull();
    assertThat(BaseShells.shellIn(Map.of("Shell", List.of()))).isNull();
    assertThat(BaseShells.shellIn(Map.of("Shell", "/bin/sh -c"))).isNull();
  }
}
