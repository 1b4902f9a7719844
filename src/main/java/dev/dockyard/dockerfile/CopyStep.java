package dev.dockyard.dockerfile;

import java.util.List;

/**
 * One COPY or ADD of local files, with variables already substituted.
 *
 * @param add true for ADD (local tar archives are unpacked), false for COPY
 * @param sources context-relative source paths or globs, as written (after substitution)
 * @param destination the destination as written (after substitution); relative destinations are
 *     resolved against {@code workdir}; a trailing {@code /} means "a directory"
 * @param chown the {@code --chown} value, or null
 * @param chmod the {@code --chmod} value (octal), or null
 * @param workdir the absolute working directory in effect at this instruction; null when the
 *     destination is absolute and no WORKDIR precedes it (the base image's is then not fetched)
 * @param location where the instruction starts
 * @param inline the heredoc sources ({@code COPY <<EOF /app/app.conf}): files made from the
 *     Dockerfile's own text, copied after the context sources, as BuildKit does
 */
public record CopyStep(
    boolean add,
    List<String> sources,
    String destination,
    String chown,
    String chmod,
    String workdir,
    Location location,
    List<InlineFile> inline) {

  /**
   * A file written inline in the Dockerfile.
   *
   * @param name the file's name: the heredoc's delimiter
   * @param content its content, variables already substituted where Docker substitutes them
   */
  public record InlineFile(String name, String content) {}

  public CopyStep {
    sources = List.copyOf(sources);
    inline = List.copyOf(inline);
  }

  /** A step that copies only from the build context. */
  public CopyStep(
      boolean add,
      List<String> sources,
      String destination,
      String chown,
      String chmod,
      String workdir,
      Location location) {
    this(add, sources, destination, chown, chmod, workdir, location, List.of());
  }

  public String keyword() {
    return add ? "ADD" : "COPY";
  }

  /** This step with another {@code --chown} value, such as names resolved to numeric ids. */
  public CopyStep withChown(String owner) {
    return new CopyStep(add, sources, destination, owner, chmod, workdir, location);
  }
}
