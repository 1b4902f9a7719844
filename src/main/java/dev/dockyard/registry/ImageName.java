package dev.dockyard.registry;

import dev.dockyard.setting.Setting;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated image name {@code [<registry>/][<namespace>/]<repository>} following the Docker
 * distribution reference grammar; without a registry the name is for a local-only build.
 */
public final class ImageName {

  /** The longest name the distribution grammar allows, registry included, tag excluded. */
  public static final int MAX_NAME_LENGTH = 255;

  static final String REGISTRY_WHERE = Setting.REGISTRY.either();
  static final String NAMESPACE_WHERE = Setting.NAMESPACE.either();
  static final String REPOSITORY_WHERE = Setting.REPOSITORY.either();
  static final String DEFAULT_REPOSITORY_WHERE =
      Setting.PROJECT_ARTIFACT_ID.expression() + ", the default of " + REPOSITORY_WHERE;

  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*");
  private static final Pattern DOMAIN_COMPONENT =
      Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
  private static final Pattern IPV4_LIKE = Pattern.compile("[0-9]+(?:\\.[0-9]+){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\\]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final String REGISTRY_RULE =
      "a registry is a host name, an IPv4 address, [IPv6] or localhost, optionally followed by"
          + " :port (e.g. registry.example.com or 127.0.0.1:5000), without scheme or path";

  private final String registry;
  private final String namespace;
  private final String repository;

  private ImageName(String registry, String namespace, String repository) {
    this.registry = registry;
    this.namespace = namespace;
    this.repository = repository;
  }

  /**
   * Builds and validates an image name whose repository is set.
   *
   * @param registry the registry {@code host[:port]}; null or blank for a local-only name
   * @param namespace the path between registry and repository, may contain {@code /}; null or blank
   *     for none
   * @param repository the repository
   * @throws InvalidImageNameException naming the first value that breaks the grammar
   */
  public static ImageName of(String registry, String namespace, String repository)
      throws InvalidImageNameException {
    return of(registry, namespace, repository, null);
  }

  /**
   * Builds and validates an image name; errors about a defaulted repository name the artifactId.
   *
   * @param registry the registry {@code host[:port]}; null or blank for a local-only name
   * @param namespace the path between registry and repository, may contain {@code /}; null or blank
   *     for none
   * @param repository the repository; null or blank to use {@code artifactId}
   * @param artifactId the module's artifactId, the repository's default
   * @throws InvalidImageNameException naming the first value that breaks the grammar
   */
  public static ImageName of(
      String registry, String namespace, String repository, String artifactId)
      throws InvalidImageNameException {
    String reg = blankToNull(registry);
    String ns = blankToNull(namespace);
    String repo = blankToNull(repository);
    String repoWhere = REPOSITORY_WHERE;
    if (repo == null) {
      repo = blankToNull(artifactId);
      if (repo == null) {
        throw new InvalidImageNameException(
            "Missing image repository",
            "",
            REPOSITORY_WHERE,
            "set " + Setting.REPOSITORY.element() + " or " + Setting.REPOSITORY.property());
      }
      repoWhere = DEFAULT_REPOSITORY_WHERE;
    }
    if (reg != null) {
      validateRegistry(reg);
    }
    if (ns != null) {
      validatePath("Invalid image namespace", "namespace", ns, NAMESPACE_WHERE);
    }
    validatePath("Invalid image repository", "repository", repo, repoWhere);
    ImageName name = new ImageName(reg, ns, repo);
    String full = name.name();
    if (full.length() > MAX_NAME_LENGTH) {
      throw new InvalidImageNameException(
          "Image name too long",
          full,
          (reg == null ? "" : REGISTRY_WHERE + ", ")
              + (ns == null ? "" : NAMESPACE_WHERE + ", ")
              + repoWhere,
          "an image name, registry and namespace included, is at most "
              + MAX_NAME_LENGTH
              + " characters and this one has "
              + full.length()
              + "; shorten the namespace or the repository");
    }
    return name;
  }

  /** The registry {@code host[:port]}, absent for a local-only name. */
  public Optional<String> registry() {
    return Optional.ofNullable(registry);
  }

  /** The namespace, absent when none was set. */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  public String repository() {
    return repository;
  }

  /** The full name without tag: {@code registry/namespace/repository}, parts that are set. */
  public String name() {
    StringBuilder name = new StringBuilder();
    if (registry != null) {
      name.append(registry).append('/');
    }
    if (namespace != null) {
      name.append(namespace).append('/');
    }
    return name.append(repository).toString();
  }

  /** The reference {@code name:tag}; the tag must come from {@link Tags}, which validates it. */
  public String withTag(String tag) {
    return name() + ":" + tag;
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageName that && name().equals(that.name());
  }

  @Override
  public int hashCode() {
    return name().hashCode();
  }

  private static void validateRegistry(String registry) throws InvalidImageNameException {
    if (registry.contains("://")) {
      throw new InvalidImageNameException(
          "Invalid registry",
          registry,
          REGISTRY_WHERE,
          REGISTRY_RULE + "; remove '" + registry.substring(0, registry.indexOf("://") + 3) + "'");
    }
    String host = registry;
    String port = null;
    int colon = registry.lastIndexOf(':');
    if (colon >= 0 && colon > registry.lastIndexOf(']')) {
      host = registry.substring(0, colon);
      port = registry.substring(colon + 1);
    }
    boolean validPort =
        port == null || (PORT.matcher(port).matches() && inRange(Integer.parseInt(port), 1, 65535));
    if (!validPort || !isHost(host)) {
      throw new InvalidImageNameException(
          "Invalid registry", registry, REGISTRY_WHERE, REGISTRY_RULE);
    }
    // Docker reads a first component without '.' or ':' (other than localhost) as a Docker Hub
    // namespace: the image would silently go to docker.io.
    if (port == null && !host.contains(".") && !host.startsWith("[") && !host.equals("localhost")) {
      throw new InvalidImageNameException(
          "Invalid registry",
          registry,
          REGISTRY_WHERE,
          "Docker reads a registry without '.' or ':port' as a Docker Hub namespace; use the full"
              + " host name (e.g. "
              + registry
              + ".example.com) or add the port (e.g. "
              + registry
              + ":5000)");
    }
  }

  private static boolean isHost(String host) {
    if (host.startsWith("[")) {
      return IPV6.matcher(host).matches();
    }
    if (IPV4_LIKE.matcher(host).matches()) {
      for (String octet : host.split("\\.")) {
        if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }
    for (String component : host.split("\\.", -1)) {
      if (!DOMAIN_COMPONENT.matcher(component).matches()) {
        return false;
      }
    }
    return true;
  }

  private static void validatePath(String what, String kind, String value, String where)
      throws InvalidImageNameException {
    boolean valid = true;
    for (String component : value.split("/", -1)) {
      valid &= PATH_COMPONENT.matcher(component).matches();
    }
    if (valid) {
      return;
    }
    String rule =
        kind
            + " names are lowercase letters, digits and separators . _ __ -, and must start and"
            + " end with a letter or digit"
            + (value.contains("/") ? " (each part between '/' on its own)" : "");
    String lower = value.toLowerCase(Locale.ROOT);
    boolean lowercaseFixes = !lower.equals(value);
    for (String component : lower.split("/", -1)) {
      lowercaseFixes &= PATH_COMPONENT.matcher(component).matches();
    }
    throw new InvalidImageNameException(
        what, value, where, rule + (lowercaseFixes ? "; try '" + lower + "'" : ""));
  }

  private static boolean inRange(int value, int min, int max) {
    return value >= min && value <= max;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
