package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks that each {@code COPY --from} names a stage of the file, a stage index, or an image.
 *
 * <p>Docker reads a {@code --from} value that is no stage name (compared ignoring case) and no
 * stage index as an image reference; a bare name such as {@code biuld} then means {@code
 * docker.io/library/biuld:latest}, so a misspelt stage name becomes a pull from Docker Hub. A value
 * is taken as meant for an image when Docker's reference grammar gives it more than a bare name: a
 * {@code /} (a registry host or a repository path), a {@code :tag} or an {@code @digest}. A bare
 * name that is no stage fails before any build. A value written with a variable is left for Docker.
 */
public final class CopyFromStages {

  private CopyFromStages() {}

  /**
   * Checks every {@code COPY --from} of the Dockerfile.
   *
   * @throws DockerfileException naming the instruction's line, the stages there are and the nearest
   *     stage name, for a bare name that is no stage or an index past the last stage
   */
  public static void check(Dockerfile dockerfile) throws DockerfileException {
    List<String> names = new ArrayList<>();
    List<Instruction> froms = dockerfile.froms();
    for (Instruction from : froms) {
      List<String> words = from.words();
      if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
        names.add(words.get(2).toLowerCase(Locale.ROOT));
      }
    }
    for (Instruction instruction : dockerfile.instructions()) {
      String value = instruction.is("COPY") ? instruction.flag("from") : null;
      if (value != null && !namesSomething(value, names, froms.size())) {
        throw new DockerfileException(
            "COPY --from names no stage", value, instruction.location(), fix(value, names, froms));
      }
    }
  }

  private static boolean namesSomething(String value, List<String> names, int stages) {
    if (value.contains("$") || names.contains(value.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return value.length() < 10 && Integer.parseInt(value) < stages;
    }
    return value.contains("/") || value.contains(":") || value.contains("@");
  }

  private static String fix(String value, List<String> names, List<Instruction> froms) {
    String indexes = froms.size() == 1 ? "0" : "0 to " + (froms.size() - 1);
    String image = "a full image reference such as 'docker.io/library/" + value + ":latest'";
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "the file has "
          + froms.size()
          + (froms.size() == 1 ? " stage" : " stages")
          + ", so an index is "
          + indexes
          + "; name an earlier stage by its index or its AS name";
    }
    if (names.isEmpty()) {
      return "the file names no stage (FROM <image> AS <name>); name one and copy from it, use a"
          + " stage index ("
          + indexes
          + "), or write "
          + image
          + " to copy from an image";
    }
    String stages = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    String nearest = NearestName.of(value.toLowerCase(Locale.ROOT), names);
    return "stages are "
        + stages
        + (nearest == null ? "." : "; did you mean '" + nearest + "'?")
        + " Name one of them (or a stage index, "
        + indexes
        + "), or write "
        + image
        + " to copy from an image";
  }
}
