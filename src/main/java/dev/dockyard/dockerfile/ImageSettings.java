package dev.dockyard.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user sets for a generated Dockerfile, read once from the build's configuration; null or
 * blank strings and null collections mean "not set".
 *
 * @param from the base image (required to generate)
 * @param ports exposed ports, {@code 8080} or {@code 8080/udp}
 * @param env environment variables, in order
 * @param labels image labels, in order
 * @param jvmFlags flags passed to {@code java} before {@code -cp}; blank entries are dropped
 * @param user the user the container runs as, or null for the base image's
 * @param workdir the absolute application directory, {@code /app} when not set
 * @param entrypoint the container's entrypoint; replaces the generated {@code java} command
 *     (jvmFlags and mainClass are then unused)
 * @param cmd default arguments appended to the entrypoint
 * @param mainClass the class {@code java} starts; required unless an entrypoint is set
 */
public record ImageSettings(
    String from,
    List<String> ports,
    Map<String, String> env,
    Map<String, String> labels,
    List<String> jvmFlags,
    String user,
    String workdir,
    List<String> entrypoint,
    List<String> cmd,
    String mainClass) {

  /** The application directory when {@code workdir} is not set. */
  public static final String DEFAULT_WORKDIR = "/app";

  public ImageSettings {
    from = SettingValues.trimToNull(from);
    ports = SettingValues.droppingBlanks(ports);
    env = SettingValues.entries(env);
    labels = SettingValues.entries(labels);
    jvmFlags = SettingValues.droppingBlanks(jvmFlags);
    user = SettingValues.trimToNull(user);
    workdir = Objects.requireNonNullElse(SettingValues.trimToNull(workdir), DEFAULT_WORKDIR);
    entrypoint = SettingValues.keepingEmpty(entrypoint);
    cmd = SettingValues.keepingEmpty(cmd);
    mainClass = SettingValues.trimToNull(mainClass);
  }

  /** These settings with the main class the module was found to have. */
  public ImageSettings withMainClass(String resolved) {
    return new ImageSettings(
        from, ports, env, labels, jvmFlags, user, workdir, entrypoint, cmd, resolved);
  }
}
