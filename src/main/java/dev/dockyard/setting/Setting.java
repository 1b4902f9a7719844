package dev.dockyard.setting;

/**
 * A user setting the core names in its messages, without the words a build tool gives it: a message
 * holds a marker such as {@code {setting:REGISTRY:either}}, and the build tool's layer replaces it
 * with its own words ({@code <registry> / -Ddockyard.registry}) where the text reaches the user.
 */
public enum Setting {
  REGISTRY,
  NAMESPACE,
  REPOSITORY,
  FROM,
  MIRRORS,
  INSECURE_REGISTRIES,
  CA_CERTIFICATES,
  REGISTRY_RETRY_TIME,
  CREDENTIAL_HELPER_TIMEOUT,
  ENGINE,
  BUILD_ARGS,
  LABELS,
  BASE_IMAGE_CACHE,
  MODULES,
  MAIN_CLASS,
  ENTRYPOINT,
  PORTS,
  ENV,
  USER,
  WORKDIR,
  RELEASE_NAME,
  PORT_OFFSET,
  TAGS,
  SINCE,
  SERVICE_PORT,
  SERVICE_VOLUMES,
  SERVICE_DEPENDS_ON,
  /** Credentials the build tool's own settings hold for a registry host. */
  SERVER_CREDENTIALS,
  /** Jib's switch that lets credentials go to an insecure registry over plain HTTP. */
  SEND_CREDENTIALS_OVER_HTTP,
  PROJECT_VERSION,
  PROJECT_ARTIFACT_ID,
  /** The build's own properties, that Dockerfile templates read. */
  PROJECT_PROPERTIES;

  /** What opens every marker: the build tool's layer looks for it. */
  public static final String MARKER_START = "{setting:";

  /** What closes a marker. */
  public static final String MARKER_END = "}";

  /** The ways a message names a setting. */
  public enum Form {
    /** Where it is written in the build file. */
    ELEMENT,
    /** How it is set on the command line; a map's property ends where its key goes. */
    PROPERTY,
    /** The build file's and the command line's name, separated by {@code " / "}. */
    EITHER,
    /** The file that holds the setting. */
    FILE,
    /** The expression that reads the value in the build file. */
    EXPRESSION;
  }

  /** The setting as written in the build file. */
  public String element() {
    return marker(Form.ELEMENT);
  }

  /** The setting as set on the command line. */
  public String property() {
    return marker(Form.PROPERTY);
  }

  /** The setting as set on the command line, followed by {@code rest}, e.g. {@code "=auto"}. */
  public String property(String rest) {
    return property() + rest;
  }

  /** The build file's and the command line's names of the setting, one after the other. */
  public String either() {
    return marker(Form.EITHER);
  }

  /** The build file's and the command line's names of the setting, joined by {@code /}. */
  public String slashed() {
    return element() + "/" + property();
  }

  /** The file that holds the setting. */
  public String file() {
    return marker(Form.FILE);
  }

  /** The expression that reads the setting's value. */
  public String expression() {
    return marker(Form.EXPRESSION);
  }

  /** The marker of one form of this setting. */
  public String marker(Form form) {
    return MARKER_START
        + name()
        + ":"
        + form.name().toLowerCase(java.util.Locale.ROOT)
        + MARKER_END;
  }
}
