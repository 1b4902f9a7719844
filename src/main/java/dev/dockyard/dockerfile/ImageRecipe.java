package dev.dockyard.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A single-stage Dockerfile resolved into what the daemonless engine applies on top of the base
 * image: every value already substituted the way Docker does it.
 *
 * @param baseImage the FROM image reference (after ARG substitution); {@code scratch} allowed
 * @param fromLocation where FROM stands
 * @param environment ENV entries declared by the Dockerfile, in order, final values
 * @param labels LABEL entries, in order, final values
 * @param exposedPorts EXPOSE entries normalised to {@code port/proto} ({@code 8080/tcp})
 * @param workdir the final WORKDIR (absolute), or null when the Dockerfile sets none
 * @param user the final USER, or null when the Dockerfile sets none
 * @param copies the COPY/ADD steps in order, one layer each
 * @param entrypoint the ENTRYPOINT as an argv (shell form already wrapped in {@code /bin/sh -c}),
 *     or null when the Dockerfile sets none
 * @param cmd the CMD as an argv, or null when the Dockerfile sets none; when the Dockerfile sets
 *     ENTRYPOINT and no CMD at all, this is an empty list (Docker clears the inherited CMD; a CMD
 *     of the Dockerfile, before or after ENTRYPOINT, is kept)
 * @param volumes VOLUME paths, in order
 */
public record ImageRecipe(
    String baseImage,
    Location fromLocation,
    Map<String, String> environment,
    Map<String, String> labels,
    List<String> exposedPorts,
    String workdir,
    String user,
    List<CopyStep> copies,
    List<String> entrypoint,
    List<String> cmd,
    List<String> volumes) {}
