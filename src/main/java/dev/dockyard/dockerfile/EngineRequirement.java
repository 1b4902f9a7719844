package dev.dockyard.dockerfile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds what in a Dockerfile the daemonless engine cannot reproduce exactly, and says why. */
public final class EngineRequirement {

  private static final Pattern REMOTE_SOURCE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://|git@).*");

  private EngineRequirement() {}

  /**
   * The first instruction that needs a Docker engine, or empty when the daemonless engine can build
   * the Dockerfile. An ADD source written with variables is judged once substituted, by {@link
   * DockerfileResolver}.
   */
  public static Optional<Instruction> firstNeedingEngine(Dockerfile dockerfile) {
    boolean seenFrom = false;
    for (Instruction instruction : dockerfile.instructions()) {
      if (instruction.is("FROM") && seenFrom) {
        return Optional.of(instruction);
      }
      seenFrom |= instruction.is("FROM");
      if (reasonOrNull(instruction) != null) {
        return Optional.of(instruction);
      }
    }
    return Optional.empty();
  }

  /**
   * Why the instruction returned by {@link #firstNeedingEngine} needs a Docker engine, as a clause
   * users read, e.g. {@code RUN executes commands in a container}.
   */
  public static String reason(Instruction instruction) {
    String reason = reasonOrNull(instruction);
    if (reason != null) {
      return reason;
    }
    if (instruction.is("FROM")) {
      return "a second FROM starts a multi-stage build, whose stages run in a container engine";
    }
    throw new IllegalArgumentException(instruction.text() + " needs no Docker engine");
  }

  /** The exception the resolver throws for an instruction that needs an engine. */
  static DockerfileException needsEngine(Instruction instruction, String reason) {
    return new DockerfileException(
        "The daemonless engine cannot build " + instruction.keyword(),
        instruction.text(),
        instruction.location(),
        reason + "; build this image with a Docker engine");
  }

  /** The reason an ADD source needs an engine, or null when it is a local path. */
  static String addSourceReason(String source) {
    return REMOTE_SOURCE.matcher(source).matches()
        ? "ADD " + source + " downloads a URL or git repository during the build"
        : null;
  }

  /** Fails for a URL source, substituted: ADD needs an engine to fetch it, COPY cannot. */
  static void checkLocalSources(Instruction instruction, List<String> sources)
      throws DockerfileException {
    for (String source : sources) {
      String remote = addSourceReason(source);
      if (remote != null && instruction.is("ADD")) {
        throw needsEngine(instruction, remote);
      }
      if (remote != null) {
        throw new DockerfileException(
            "COPY cannot fetch a URL",
            source,
            instruction.location(),
            "copy files from the build context, or use ADD for a URL");
      }
    }
  }

  private static String reasonOrNull(Instruction instruction) {
    if (instruction.hasFlag("platform")) {
      return "--platform selects a platform other than the build's, which needs a Docker engine";
    }
    String keyword = instruction.keyword();
    switch (keyword) {
      case "RUN":
        return "RUN executes commands in a container";
      case "HEALTHCHECK":
        return "HEALTHCHECK sets a health check, which the daemonless engine does not write";
      case "ONBUILD":
        return "ONBUILD records build triggers, which the daemonless engine does not write";
      case "SHELL":
        return "SHELL changes the shell of later instructions, which the daemonless engine"
            + " does not support";
      case "STOPSIGNAL":
        return "STOPSIGNAL sets the stop signal, which the daemonless engine does not write";
      case "MAINTAINER":
        return "MAINTAINER sets the deprecated author field, which the daemonless engine does"
            + " not write";
      case "COPY":
      case "ADD":
        return copyReason(instruction);
      default:
        return null;
    }
  }

  private static String copyReason(Instruction instruction) {
    String keyword = instruction.keyword();
    if (instruction.hasFlag("from")) {
      return "COPY --from copies from another build stage or image";
    }
    if (instruction.hasFlag("parents")) {
      return "COPY --parents keeps the source's parent directories, which the daemonless engine"
          + " does not support";
    }
    if (instruction.hasFlag("exclude")) {
      return keyword
          + " --exclude filters the sources, which the daemonless engine does not"
          + " support";
    }
    if (instruction.hasFlag("checksum")) {
      return "ADD --checksum verifies a download made during the build";
    }
    if (instruction.hasFlag("keep-git-dir")) {
      return "ADD --keep-git-dir clones a git repository during the build";
    }
    if (instruction.is("ADD")) {
      List<String> items = instruction.listForm();
      for (String source : items.subList(0, items.size() - 1)) {
        if (addSourceReason(source) != null) {
          return addSourceReason(source);
        }
      }
    }
    return null;
  }
}
