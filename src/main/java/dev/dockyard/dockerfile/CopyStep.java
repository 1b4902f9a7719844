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
 */
public record CopyStep(
    boolean add,
    List<String> sources,
    String destination,
    String chown,
    String chmod,
    String workdir,
    Location location) {

  public String keyword() {
    return add ? "ADD" : "COPY";
  }

  /** This step with another {@code --chown} value, such as names resolved to numeric ids. */
  public CopyStep withChown(String owner) {
    return new CopyStep(add, sources, destination, owner, chmod, workdir, location);
  }
}
