package dev.dockyard.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockyard.files.FileProblem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from Docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}) in Docker's own order: the registry's {@code credHelpers} entry, else
 * {@code credsStore}, running {@code docker-credential-<name> get} as Docker does; else the
 * registry's {@code auths} entry.
 */
public final class DockerConfigCredentials {

  /** The user name Docker and credential helpers give a credential that is an identity token. */
  public static final String IDENTITY_TOKEN_USER = "<token>";

  /** How long a credential helper may take unless told otherwise. */
  public static final Duration DEFAULT_HELPER_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> DOCKER_HUB =
      List.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private final Path configFile;
  private final Map<String, String> environment;
  private final Duration helperTimeout;

  /**
   * @param environment where {@code PATH} is read, to find credential helpers
   * @param helperTimeout how long one credential helper may take
   */
  public DockerConfigCredentials(
      Path configFile, Map<String, String> environment, Duration helperTimeout) {
    this.configFile = configFile;
    this.environment = environment;
    this.helperTimeout = helperTimeout;
  }

  public DockerConfigCredentials(Path configFile, Map<String, String> environment) {
    this(configFile, environment, DEFAULT_HELPER_TIMEOUT);
  }

  /** Docker's config file as the Docker CLI finds it for this environment. */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, DEFAULT_HELPER_TIMEOUT);
  }

  /** {@link #fromEnvironment(Map)}, its credential helpers bounded by {@code helperTimeout}. */
  public static DockerConfigCredentials fromEnvironment(
      Map<String, String> environment, Duration helperTimeout) {
    String dir = environment.get("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return new DockerConfigCredentials(file, environment, helperTimeout);
  }

  public Path configFile() {
    return configFile;
  }

  /** The credential Docker would use for {@code registry}, if the config defines one. */
  public Optional<RegistryCredential> lookup(String registry) {
    if (!Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    JsonNode config = readConfig();
    if (config == null || !config.isObject()) {
      return Optional.empty();
    }
    Optional<RegistryCredential> found = fromHelpers(config, registry);
    return found.isPresent() ? found : fromAuths(config, registry);
  }

  private JsonNode readConfig() {
    try {
      return JSON.readTree(configFile.toFile());
    } catch (JsonProcessingException e) {
      // Not chained: the parser's message quotes the file, and the file holds secrets.
      throw new CredentialLookupException(
          "Cannot read Docker config: '"
              + configFile
              + "' is not valid JSON"
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + "; fix or remove the file (docker login writes it anew), or point DOCKER_CONFIG at"
              + " another directory");
    } catch (IOException e) {
      throw new CredentialLookupException(
          new FileProblem(null).describe("reading the Docker config", e), e);
    }
  }

  /** The registry's {@code credHelpers} entry, else {@code credsStore}, as Docker asks them. */
  private Optional<RegistryCredential> fromHelpers(JsonNode config, String registry) {
    String helperKey = matchingKey(config.path("credHelpers"), registry);
    if (helperKey != null) {
      String helper = config.path("credHelpers").path(helperKey).asText();
      return fromHelper(helper, helperKey, "credHelpers");
    }
    if (config.hasNonNull("credsStore") && !config.path("credsStore").asText().isBlank()) {
      String storeKey = matchingKey(config.path("auths"), registry);
      String serverUrl = storeKey != null ? storeKey : serverUrlFor(registry);
      return fromHelper(config.path("credsStore").asText(), serverUrl, "credsStore");
    }
    return Optional.empty();
  }

  /** The registry's {@code auths} entry: an identity token, else user and password. */
  private Optional<RegistryCredential> fromAuths(JsonNode config, String registry) {
    String authKey = matchingKey(config.path("auths"), registry);
    if (authKey == null) {
      return Optional.empty();
    }
    String identityToken = config.path("auths").path(authKey).path("identitytoken").asText("");
    if (!identityToken.isEmpty()) {
      // Docker's convention for a token instead of a password: the user name <token>.
      return Optional.of(
          new RegistryCredential(
              IDENTITY_TOKEN_USER,
              identityToken,
              "Docker config " + configFile + " (auths '" + authKey + "' identitytoken)"));
    }
    String auth = config.path("auths").path(authKey).path("auth").asText("");
    if (auth.isEmpty()) {
      return Optional.empty();
    }
    String decoded = decodeAuth(auth, authKey, registry);
    int colon = decoded.indexOf(':');
    if (colon > 0) {
      return Optional.of(
          new RegistryCredential(
              decoded.substring(0, colon),
              decoded.substring(colon + 1),
              "Docker config " + configFile + " (auths '" + authKey + "')"));
    }
    return Optional.empty();
  }

  /** The {@code user:password} an {@code auth} value holds in base64. */
  private String decodeAuth(String auth, String authKey, String registry) {
    try {
      return new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new CredentialLookupException(
          "Cannot read Docker config: auths entry '"
              + authKey
              + "' in "
              + configFile
              + " is not base64; run docker login "
              + registry
              + " again");
    }
  }

  private Optional<RegistryCredential> fromHelper(String helper, String serverUrl, String field) {
    String program = "docker-credential-" + helper;
    String source =
        "Docker credential helper "
            + program
            + " ("
            + field
            + " in "
            + configFile
            + ", server '"
            + serverUrl
            + "')";
    Path executable = onPath(program);
    if (executable == null) {
      throw new CredentialLookupException(
          "Docker credential helper not found: '"
              + program
              + "' named by "
              + field
              + " in "
              + configFile
              + " is not on the PATH; install it, or remove that entry from the config");
    }
    String origin = field + " in " + configFile;
    return new CredentialHelper(program, executable, origin, helperTimeout).get(serverUrl, source);
  }

  private Path onPath(String program) {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The key of {@code section} that names {@code registry}, as Docker normalises keys. */
  static String matchingKey(JsonNode section, String registry) {
    if (section == null || !section.isObject()) {
      return null;
    }
    List<String> wanted = aliases(registry);
    Iterator<String> keys = section.fieldNames();
    List<String> all = new ArrayList<>();
    keys.forEachRemaining(all::add);
    for (String key : all) {
      if (wanted.contains(normalize(key))) {
        return key;
      }
    }
    return null;
  }

  private static List<String> aliases(String registry) {
    String normalized = normalize(registry);
    return DOCKER_HUB.contains(normalized) ? DOCKER_HUB : List.of(normalized);
  }

  /** {@code https://host:port/v1/} and {@code host:port} name the same registry. */
  static String normalize(String key) {
    String value = key.trim().toLowerCase(Locale.ROOT);
    int scheme = value.indexOf("://");
    if (scheme >= 0) {
      value = value.substring(scheme + 3);
    }
    int slash = value.indexOf('/');
    return slash < 0 ? value : value.substring(0, slash);
  }

  private static String serverUrlFor(String registry) {
    return aliases(registry) == DOCKER_HUB ? "https://index.docker.io/v1/" : registry;
  }
}
