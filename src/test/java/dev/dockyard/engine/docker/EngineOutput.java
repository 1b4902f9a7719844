package dev.dockyard.engine.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import dev.dockyard.engine.BuildLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Feeds the JSON lines a Docker engine answers to the streams that follow them, for tests. */
final class EngineOutput {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineOutput() {}

  /** A build stream for module {@code app} that has read {@code lines}. */
  static BuildStream build(String... lines) throws IOException {
    return build(new RecordingLog(), lines);
  }

  static BuildStream build(RecordingLog log, String... lines) throws IOException {
    BuildStream stream = new BuildStream("app", log);
    for (String line : lines) {
      stream.onNext(JSON.readValue(line, BuildResponseItem.class));
    }
    stream.finish();
    return stream;
  }

  static PushStream push(RecordingLog log, String... lines) throws IOException {
    PushStream stream = new PushStream("app", log);
    for (String line : lines) {
      stream.onNext(JSON.readValue(line, PushResponseItem.class));
    }
    return stream;
  }

  /** Keeps every line, prefixed with its level. */
  static final class RecordingLog implements BuildLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
      lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
      lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
      lines.add("DEBUG " + message);
    }

    @Override
    public boolean isBatch() {
      return true;
    }
  }
}
