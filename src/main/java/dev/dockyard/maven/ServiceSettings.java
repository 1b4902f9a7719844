package dev.dockyard.maven;

import java.util.List;
import java.util.Map;

/**
 * {@code <service>}: how the module's image runs in the release bundle's compose file. Every field
 * is optional.
 *
 * <pre>{@code
 * <service>
 *   <port>8080</port>                      <!-- default: the first of <ports> -->
 *   <portVariable>SERVER_PORT</portVariable>
 *   <environment><SPRING_PROFILES_ACTIVE>prod</SPRING_PROFILES_ACTIVE></environment>
 *   <volumes><volume>config/application.properties:/app/config/application.properties:ro</volume></volumes>
 *   <dependsOn><service>billing-service</service></dependsOn>
 *   <healthPath>/actuator/health</healthPath>
 *   <restart>unless-stopped</restart>
 *   <networkMode>host</networkMode>
 * </service>
 * }</pre>
 */
public class ServiceSettings {

  /** The port the service listens on; the release adds its port offset to it. */
  Integer port;

  /** The environment variable that tells the service its port; default {@code SERVER_PORT}. */
  String portVariable;

  /** Environment variables of the service. */
  Map<String, String> environment;

  /** {@code source:target[:ro]}: files of the module bind-mounted, or named volumes. */
  List<String> volumes;

  /** Services (artifactIds) started, and healthy, before this one. */
  List<String> dependsOn;

  /** The HTTP path of the healthcheck, asked by the bundle's Java health class. */
  String healthPath;

  /** A shell command as healthcheck instead of {@code healthPath}. */
  String healthCommand;

  /** The restart policy; default {@code unless-stopped}. */
  String restart;

  /** {@code host} (default) or another compose network mode; with it the port is published. */
  String networkMode;
}
