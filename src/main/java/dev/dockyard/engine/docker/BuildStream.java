package dev.dockyard.engine.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.dockyard.engine.BuildLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows an engine's build output: each line goes to the log as it arrives, the current step and
 * the last lines are kept for error messages, and the built image id is recorded.
 */
final class BuildStream extends ResultCallback.Adapter<BuildResponseItem> {

  static final int TAIL_LINES = 10;
  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");

  private final String module;
  private final BuildLog log;
  private final StringBuilder partial = new StringBuilder();
  private final Deque<String> tail = new ArrayDeque<>();
  private volatile String imageId;
  private volatile String error;
  private volatile Integer errorCode;
  private volatile int step;
  private volatile String stepText;

  BuildStream(String module, BuildLog log) {
    this.module = module;
    this.log = log;
  }

  @Override
  public synchronized void onNext(BuildResponseItem item) {
    if (item.getStream() != null) {
      partial.append(item.getStream());
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        line(partial.substring(0, newline));
        partial.delete(0, newline + 1);
      }
    }
    if (item.getImageId() != null) {
      imageId = item.getImageId();
    }
    if (item.isErrorIndicated()) {
      flush();
      if (item.getErrorDetail() != null) {
        error = item.getErrorDetail().getMessage();
        errorCode = item.getErrorDetail().getCode();
      }
      if (error == null) {
        error = item.getError();
      }
    }
  }

  private void line(String raw) {
    String text = raw.stripTrailing();
    if (text.isEmpty()) {
      return;
    }
    Matcher matcher = STEP.matcher(text);
    if (matcher.matches()) {
      step = Integer.parseInt(matcher.group(1));
      stepText = matcher.group(3);
      tail.clear();
    } else if (!text.startsWith(" ---> ") && !text.startsWith("Removing intermediate")) {
      // the builder's own chatter is not the step's output
      tail.addLast(text);
      while (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
    log.info("[" + module + "] " + text);
  }

  private void flush() {
    if (partial.length() > 0) {
      line(partial.toString());
      partial.setLength(0);
    }
  }

  synchronized void finish() {
    flush();
  }

  String imageId() {
    return imageId;
  }

  /** The engine's error message, or null when the build succeeded. */
  String error() {
    return error;
  }

  /** The exit code the engine reported with the error, or null. */
  Integer errorCode() {
    return errorCode;
  }

  /** The number of the step that ran last, 1-based, or 0 before the first. */
  int step() {
    return step;
  }

  /** The text of the step that ran last, as the engine printed it. */
  String stepText() {
    return stepText;
  }

  /** The last lines the step printed before the error, oldest first. */
  synchronized List<String> tail() {
    return new ArrayList<>(tail);
  }
}
