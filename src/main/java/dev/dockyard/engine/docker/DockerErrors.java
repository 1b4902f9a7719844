package dev.dockyard.engine.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.dockyard.dockerfile.Dockerfile;
import dev.dockyard.dockerfile.Instruction;
import dev.dockyard.engine.EngineException;
import dev.dockyard.setting.Setting;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

/**
 * What users read when the Docker engine fails: an unreachable engine, a refused or failed build, a
 * rejected push, each said with its cause and how to fix it. Pure, so every message is tested
 * without a daemon.
 */
final class DockerErrors {

  private DockerErrors() {}

  /**
   * No engine answers at the endpoint, or its socket may not be used.
   *
   * @param why why this module needs an engine: the instruction and its file:line, or the setting
   */
  static EngineException engineDown(
      EngineEndpoint endpoint, Throwable e, String module, String why) {
    boolean denied = false;
    String reason = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof AccessDeniedException
          || message.toLowerCase(Locale.ROOT).contains("permission denied")) {
        denied = true;
        reason = "permission denied";
        break;
      }
      if (t instanceof NoSuchFileException
          || message.contains("No such file")
          || t instanceof ConnectException) {
        reason = t instanceof NoSuchFileException ? "no such socket" : message;
      }
    }
    String what =
        denied
            ? "Docker engine socket not accessible: '"
                + endpoint.host()
                + "' (from "
                + endpoint.source()
                + "): "
                + reason
            : "No Docker engine answers at '"
                + endpoint.host()
                + "' (from "
                + endpoint.source()
                + "): "
                + reason;
    String fix =
        denied
            ? "add your user to the docker group, or point DOCKER_HOST at an engine you may use"
            : "start the engine, or point DOCKER_HOST at a running one (unix:///var/run/docker.sock,"
                + " or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or select"
                + " a Docker context";
    return new EngineException(
        what
            + "; needed for "
            + module
            + " by "
            + why
            + "; looked at: "
            + String.join(", ", endpoint.lookedAt())
            + "; "
            + fix
            + (why.contains("dockyard.engine")
                ? "; or build daemonless with " + Setting.ENGINE.property("=auto")
                : "; without an engine, remove the instruction to build daemonless"
                    + " ("
                    + Setting.ENGINE.property("=auto")
                    + ")"),
        false,
        e);
  }

  /** The engine refused the build request itself, before any step ran. */
  static EngineException buildRefused(String image, String dockerfileName, DockerException e) {
    return new EngineException(
        "The Docker engine refused the build of "
            + image
            + ": '"
            + e.getMessage().strip()
            + "'; check the Dockerfile "
            + dockerfileName,
        true,
        e);
  }

  /** A step of the build failed: the error the stream reported, named by the Dockerfile's line. */
  static EngineException buildFailed(BuildStream stream, Dockerfile dockerfile) {
    Instruction instruction = instructionOf(stream, dockerfile);
    String written = instruction != null ? instruction.text() : stream.stepText();
    String where = instruction != null ? " at " + instruction.location() : "";
    String keyword =
        instruction != null
            ? instruction.keyword()
            : written == null ? "" : written.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    List<String> tail = stream.tail();
    String output =
        tail.isEmpty() ? "" : "\nLast output of the step:\n  " + String.join("\n  ", tail);
    String error = stream.error().strip();
    if (keyword.equals("RUN") && error.contains("non-zero code")) {
      return new EngineException(
          "RUN step failed with exit code "
              + stream.errorCode()
              + ": '"
              + written
              + "'"
              + where
              + "; fix the command (it runs in the image being built)"
              + output,
          true,
          null);
    }
    if (keyword.equals("FROM")) {
      boolean missing =
          error.contains("not found")
              || error.contains("manifest unknown")
              || error.contains("denied");
      return new EngineException(
          "Base image not available: '"
              + error
              + "'"
              + where
              + "; check the FROM line (or "
              + Setting.FROM.slashed()
              + "), that the image was pushed and"
              + " that the engine can reach its registry",
          missing,
          null);
    }
    return new EngineException(
        (keyword.isEmpty() ? "Build" : keyword + " step")
            + " failed: '"
            + error
            + "'"
            + (where.isEmpty() && written != null ? " in '" + written + "'" : where)
            + "; fix the Dockerfile "
            + dockerfile.fileName()
            + output,
        true,
        null);
  }

  /** The instruction of the step that failed: the engine numbers steps in file order. */
  private static Instruction instructionOf(BuildStream stream, Dockerfile dockerfile) {
    List<Instruction> instructions = dockerfile.instructions();
    int step = stream.step();
    if (step < 1 || step > instructions.size() || stream.stepText() == null) {
      return null;
    }
    Instruction candidate = instructions.get(step - 1);
    return stream.stepText().toUpperCase(Locale.ROOT).startsWith(candidate.keyword())
        ? candidate
        : null;
  }

  /**
   * Pushing one tag failed: denied (403), refused for credentials, or the registry unreachable.
   *
   * @param message the engine's or the registry's words
   * @param cause the exception that carried them, or null when the push stream reported them
   */
  static EngineException pushFailed(String image, String tag, String message, Throwable cause) {
    String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
    if (lower.contains("403") || lower.contains("forbidden")) {
      return new EngineException(
          "Registry denied the push (403 Forbidden) of "
              + image
              + ":"
              + tag
              + ": the account lacks push permission on that repository; ask for push rights, or"
              + " push to another "
              + Setting.NAMESPACE.slashed(),
          true,
          cause);
    }
    boolean refused =
        lower.contains("unauthorized")
            || lower.contains("denied")
            || lower.contains("authentication required")
            || lower.contains("forbidden");
    if (refused) {
      return new EngineException(
          "Registry refused the push of "
              + image
              + ":"
              + tag
              + ": '"
              + String.valueOf(message).strip()
              + "'; set a "
              + Setting.SERVER_CREDENTIALS.element()
              + " in "
              + Setting.SERVER_CREDENTIALS.file()
              + " whose id is the registry host, or"
              + " DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, or docker login",
          true,
          cause);
    }
    return new EngineException(
        "Pushing "
            + image
            + ":"
            + tag
            + " failed: '"
            + String.valueOf(message).strip()
            + "'; check that the registry runs and that the engine may reach it (an HTTP"
            + " registry must be in the engine's insecure-registries)",
        false,
        cause);
  }
}
