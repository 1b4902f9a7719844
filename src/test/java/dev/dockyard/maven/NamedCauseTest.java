package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.registry.InvalidImageNameException;
import dev.dockyard.registry.Tags;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Core failures in Maven's cause chain read as users read them, with no setting's marker. */
class NamedCauseTest {

  @Test
  void aTranslatedFailureAndItsCauseCarryTheSameRenderedMessage() {
    InvalidImageNameException core = invalidTag();

    Exception translated = ErrorTranslator.translate(core, Path.of("/cache"));

    assertThat(translated).isInstanceOf(MojoFailureException.class);
    assertThat(translated.getMessage())
        .startsWith("Invalid image tag: 'release:1' at <tags> / -Ddockyard.tags;");
    // Maven's report adds a cause's message it does not find in the failure's own
    assertThat(translated.getMessage()).contains(translated.getCause().getMessage());
  }

  @Test
  void aStackTraceNamesTheCoreTypeAndTheSettingsWords() {
    Exception translated = ErrorTranslator.translate(invalidTag(), Path.of("/cache"));

    StringWriter printed = new StringWriter();
    translated.printStackTrace(new PrintWriter(printed));

    assertThat(printed.toString())
        .contains(
            "Caused by: dev.dockyard.registry.InvalidImageNameException: Invalid image tag:"
                + " 'release:1' at <tags> / -Ddockyard.tags;")
        .contains("at dev.dockyard.registry.Tags.")
        .doesNotContain("{setting:");
  }

  @Test
  void aChainWithoutSettingsIsKeptAsItIs() {
    IOException plain = new IOException("disk on fire", new IllegalStateException("no"));

    assertThat(NamedCause.of(plain)).isSameAs(plain);
    assertThat(NamedCause.of(null)).isNull();
  }

  @Test
  void everyMessageOfTheChainIsRendered() {
    Exception outer = new IllegalStateException("wrapped", invalidTag());

    Throwable named = NamedCause.of(outer);

    assertThat(named.getMessage()).isEqualTo("wrapped");
    assertThat(named.toString()).isEqualTo("java.lang.IllegalStateException: wrapped");
    assertThat(named.getCause().getMessage()).contains("<tags> / -Ddockyard.tags");
  }

  private static InvalidImageNameException invalidTag() {
    try {
      Tags.compute("1.0.0", false, List.of("release:1"));
    } catch (InvalidImageNameException e) {
      assertThat(e.getMessage()).contains("{setting:TAGS:");
      return e;
    }
    throw new AssertionError("release:1 is no valid tag");
  }
}
