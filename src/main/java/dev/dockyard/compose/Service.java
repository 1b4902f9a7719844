package dev.dockyard.compose;

import dev.dockyard.setting.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one image module runs in the release bundle, as its POM's {@code <service>} says; recorded in
 * {@code release.json} so that {@code dockyard:compose} can write the bundle again without the
 * build.
 *
 * @param pom the module's POM, named in errors
 * @param basedir the module's folder: bind-mount sources are relative to it
 * @param port the port the service listens on, or null for none
 * @param portVariable the environment variable that tells the service its port, set when the
 *     release moves it (host networking)
 * @param environment environment variables, in order
 * @param volumes {@code source:target[:ro|:rw]}: a source with a {@code /} or starting with {@code
 *     .} is a file or folder of the module, bind-mounted; otherwise a named volume
 * @param dependsOn artifactIds of the services it waits for, until they are healthy
 * @param healthPath the HTTP path its healthcheck asks, or null
 * @param healthCommand a shell command as healthcheck instead, or null
 * @param restart the restart policy
 * @param networkMode {@code host} (the default) or a compose network mode; with {@code bridge} the
 *     port is published instead
 * @param imagePaths for each volume target that dockyard put in the image: {@code file} or {@code
 *     directory}
 */
public record Service(
    String pom,
    String basedir,
    Integer port,
    String portVariable,
    Map<String, String> environment,
    List<String> volumes,
    List<String> dependsOn,
    String healthPath,
    String healthCommand,
    String restart,
    String networkMode,
    Map<String, String> imagePaths) {

  public static final String DEFAULT_PORT_VARIABLE = "SERVER_PORT";
  public static final String DEFAULT_RESTART = "unless-stopped";
  public static final String DEFAULT_NETWORK_MODE = "host";

  public Service {
    environment = environment == null ? Map.of() : environment;
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    imagePaths = imagePaths == null ? Map.of() : imagePaths;
    portVariable = portVariable == null ? DEFAULT_PORT_VARIABLE : portVariable;
    restart = restart == null ? DEFAULT_RESTART : restart;
    networkMode = networkMode == null ? DEFAULT_NETWORK_MODE : networkMode;
  }

  /** True when the service shares the host's network: its port moves with the release. */
  public boolean hostNetwork() {
    return networkMode.equals("host");
  }

  /** One {@code <volume>} entry, split. */
  public record Volume(String text, String source, String target, boolean readOnly) {

    /** True for a file or folder of the module; false for a named volume. */
    public boolean isBind() {
      return source.contains("/") || source.startsWith(".");
    }
  }

  /**
   * The volume entries, split as {@code source:target[:ro|:rw]}.
   *
   * @throws BundleException for an entry of another shape
   */
  public List<Volume> parsedVolumes(String module) throws BundleException {
    List<Volume> parsed = new ArrayList<>();
    for (String text : volumes) {
      String[] parts = text.trim().split(":");
      boolean valid =
          (parts.length == 2 || (parts.length == 3 && List.of("ro", "rw").contains(parts[2])))
              && !parts[0].isBlank()
              && parts[1].startsWith("/");
      if (!valid) {
        throw new BundleException(
            "Invalid volume '"
                + text
                + "' of service "
                + module
                + " in "
                + Setting.SERVICE_VOLUMES.element()
                + " of "
                + pom
                + "; write source:/target[:ro], for example"
                + " config/application.properties:/app/config/application.properties:ro");
      }
      parsed.add(new Volume(text, parts[0], parts[1], parts.length == 3 && parts[2].equals("ro")));
    }
    return parsed;
  }
}
