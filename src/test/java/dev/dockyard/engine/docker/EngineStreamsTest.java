package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.engine.docker.EngineOutput.RecordingLog;
import org.junit.jupiter.api.Test;

class EngineStreamsTest {

  @Test
  void buildOutputGoesToTheLogLineByLineWithTheModuleName() throws Exception {
    RecordingLog log = new RecordingLog();

    EngineOutput.build(
        log,
        "{\"stream\":\"Step 1/2 : FROM scratch\\n\"}",
        "{\"stream\":\" ---> 5a1b\"}",
        "{\"stream\":\"2c3d\\n\\nStep 2/2 : COPY app.jar /app/\\n\"}",
        "{\"stream\":\"Successfully built 9f8e7d6c\"}");

    assertThat(log.lines)
        .containsExactly(
            "INFO [app] Step 1/2 : FROM scratch",
            "INFO [app]  ---> 5a1b2c3d",
            "INFO [app] Step 2/2 : COPY app.jar /app/",
            "INFO [app] Successfully built 9f8e7d6c");
  }

  @Test
  void aBuildKeepsTheStepThatRanLastAndOnlyItsOwnOutput() throws Exception {
    BuildStream stream =
        EngineOutput.build(
            "{\"stream\":\"Step 1/2 : FROM scratch\\nfirst step's line\\n\"}",
            "{\"stream\":\"Step 2/2 : RUN make\\n ---> Running in 0f1e\\n\"}",
            "{\"stream\":\"make: *** No targets.\\nRemoving intermediate container 0f1e\\n\"}",
            "{\"errorDetail\":{\"code\":2,\"message\":\"returned a non-zero code: 2\"},"
                + "\"error\":\"the old field\"}");

    assertThat(stream.step()).isEqualTo(2);
    assertThat(stream.stepText()).isEqualTo("RUN make");
    assertThat(stream.tail()).containsExactly("make: *** No targets.");
    assertThat(stream.error()).isEqualTo("returned a non-zero code: 2");
    assertThat(stream.errorCode()).isEqualTo(2);
  }

  @Test
  void aBuildKeepsOnlyTheLastTenLinesOfAStep() throws Exception {
    String[] lines = new String[13];
    lines[0] = "{\"stream\":\"Step 1/1 : RUN seq 12\\n\"}";
    for (int i = 1; i <= 12; i++) {
      lines[i] = "{\"stream\":\"" + i + "\\n\"}";
    }

    BuildStream stream = EngineOutput.build(lines);

    assertThat(stream.tail()).containsExactly("3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    assertThat(stream.error()).isNull();
  }

  @Test
  void aBuildErrorWithoutDetailIsTheErrorField() throws Exception {
    BuildStream stream = EngineOutput.build("{\"error\":\"no space left on device\"}");

    assertThat(stream.error()).isEqualTo("no space left on device");
    assertThat(stream.errorCode()).isNull();
  }

  @Test
  void aPushKeepsTheDigestTheRegistryReportedAndLogsProgressToDebug() throws Exception {
    RecordingLog log = new RecordingLog();

    PushStream stream =
        EngineOutput.push(
            log,
            "{\"status\":\"The push refers to repository [registry.test/team/app]\"}",
            "{\"status\":\"Pushed\",\"id\":\"5f70bf18a086\"}",
            "{\"status\":\"1.0: digest: sha256:4a5b size: 528\"}",
            "{\"aux\":{\"Tag\":\"1.0\",\"Digest\":\"sha256:4a5b\",\"Size\":528}}");

    assertThat(stream.digest()).isEqualTo("sha256:4a5b");
    assertThat(stream.error()).isNull();
    assertThat(log.lines)
        .containsExactly(
            "DEBUG [app] The push refers to repository [registry.test/team/app]",
            "DEBUG [app] 5f70bf18a086: Pushed",
            "DEBUG [app] 1.0: digest: sha256:4a5b size: 528");
  }

  @Test
  void aPushErrorPrefersTheDetailsMessage() throws Exception {
    PushStream stream =
        EngineOutput.push(
            new RecordingLog(),
            "{\"errorDetail\":{\"message\":\"denied: requested access to the resource is"
                + " denied\"},\"error\":\"denied\"}");

    assertThat(stream.error()).isEqualTo("denied: requested access to the resource is denied");
    assertThat(stream.digest()).isNull();
  }

  @Test
  void aPushErrorWithoutDetailIsTheErrorField() throws Exception {
    PushStream stream =
        EngineOutput.push(
            new RecordingLog(), "{\"error\":\"unauthorized: authentication required\"}");

    assertThat(stream.error()).isEqualTo("unauthorized: authentication required");
  }
}
