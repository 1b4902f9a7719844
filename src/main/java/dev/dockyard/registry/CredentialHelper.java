package dev.dockyard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.setting.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Docker credential helper, run as Docker runs it ({@code docker-credential-<name> get} with
 * the server on standard input), bounded by a timeout; its output is never quoted, since standard
 * output is where a helper writes the secret.
 */
final class CredentialHelper {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String program;
  private final Path executable;
  private final String origin;
  private final Duration timeout;

  /**
   * @param origin where the helper is named, e.g. {@code credHelpers in
   *     /home/ci/.docker/config.json}
   */
  CredentialHelper(String program, Path executable, String origin, Duration timeout) {
    this.program = program;
    this.executable = executable;
    this.origin = origin;
    this.timeout = timeout;
  }

  /** What the helper holds for {@code serverUrl}; empty when it says it holds nothing. */
  Optional<RegistryCredential> get(String serverUrl, String source) {
    Process process;
    try {
      process = new ProcessBuilder(executable.toString(), "get").start();
    } catch (IOException e) {
      throw new CredentialLookupException(
          "Docker credential helper failed to start: '"
              + executable
              + "' ("
              + origin
              + "): "
              + e.getMessage()
              + "; check that it is an executable program",
          e);
    }
    try {
      // Both streams are read beside the wait: a helper that hangs with them open still times out.
      FutureTask<byte[]> out = drain(process.getInputStream());
      FutureTask<byte[]> err = drain(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A helper that exits without reading its input: its exit code tells why.
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        throw timedOut(process, serverUrl);
      }
      // A helper that ended while a child of its own still holds its output open times out too.
      byte[] answer = collect(out, deadline, process, serverUrl);
      collect(err, deadline, process, serverUrl);
      String text = new String(answer, StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
          return Optional.empty();
        }
        throw failed(process.exitValue(), serverUrl);
      }
      return credential(text, serverUrl, source);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new CredentialLookupException("Interrupted while running " + program + " get", e);
    }
  }

  private Optional<RegistryCredential> credential(String text, String serverUrl, String source) {
    JsonNode answer;
    try {
      answer = JSON.readTree(text);
    } catch (IOException e) {
      // Not chained: the parser's message would quote the answer, which may hold the secret.
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      throw new CredentialLookupException(
          "Docker credential helper answered no JSON object: '"
              + program
              + " get' for registry '"
              + serverUrl
              + "' ("
              + origin
              + "); "
              + byHand(serverUrl)
              + " and check that it prints {\"Username\":...,\"Secret\":...}");
    }
    String username = answer.path("Username").asText("");
    String secret = answer.path("Secret").asText("");
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RegistryCredential(username, secret, source));
  }

  private CredentialLookupException failed(int exit, String serverUrl) {
    return new CredentialLookupException(
        "Docker credential helper failed: '"
            + program
            + " get' exited "
            + exit
            + " for registry '"
            + serverUrl
            + "' ("
            + origin
            + "); its output is not shown, it may hold the secret: "
            + byHand(serverUrl)
            + " to see why, then docker login "
            + serverUrl
            + ", or fix that entry");
  }

  private CredentialLookupException timedOut(Process process, String serverUrl) {
    stop(process);
    return new CredentialLookupException(
        "Docker credential helper timed out: '"
            + program
            + " get' gave no answer for registry '"
            + serverUrl
            + "' within "
            + timeout.toSeconds()
            + "s ("
            + origin
            + "); "
            + byHand(serverUrl)
            + ": it must answer without a prompt (a locked keychain waits for one), or allow it"
            + " longer with "
            + Setting.CREDENTIAL_HELPER_TIMEOUT.slashed()
            + "=<seconds>");
  }

  private String byHand(String serverUrl) {
    return "run 'echo " + serverUrl + " | " + program + " get' by hand";
  }

  private byte[] collect(FutureTask<byte[]> stream, long deadline, Process process, String server)
      throws InterruptedException {
    try {
      return stream.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw timedOut(process, server);
    } catch (ExecutionException e) {
      return new byte[0];
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Reads a stream to its end on a thread of its own (not a shared pool: it may block long). */
  private FutureTask<byte[]> drain(InputStream stream) {
    FutureTask<byte[]> task =
        new FutureTask<>(
            () -> {
              try (stream) {
                return stream.readAllBytes();
              }
            });
    Thread thread = new Thread(task, program + " output");
    thread.setDaemon(true);
    thread.start();
    return task;
  }
}
