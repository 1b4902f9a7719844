package dev.dockyard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from Docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}) in Docker's own order: the registry's {@code credHelpers} entry, else
 * {@code credsStore}, running {@code docker-credential-<name> get} as Docker does; else the
 * registry's {@code auths} entry.
 */
public final class DockerConfigCredentials {

  /** The user name Docker and credential helpers give a credential that is an identity token. */
  public static final String IDENTITY_TOKEN_USER = "<token>";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HELPER_TIMEOUT_SECONDS = 60;

  /** Seconds a credential helper may take, when set; default {@value #HELPER_TIMEOUT_SECONDS}. */
  static final String HELPER_TIMEOUT_VARIABLE = "DOCKYARD_CREDENTIAL_HELPER_TIMEOUT";

  private static final List<String> DOCKER_HUB =
      List.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private final Path configFile;
  private final Map<String, String> environment;

  public DockerConfigCredentials(Path configFile, Map<String, String> environment) {
    this.configFile = configFile;
    this.environment = environment;
  }

  /** Docker's config file as the Docker CLI finds it for this environment. */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> environment) {
    String dir = environment.get("DOCKER_CONFIG");
    Path file =
        dir != null && !dir.isBlank()
            ? Path.of(dir, "config.json")
            : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    return new DockerConfigCredentials(file, environment);
  }

  public Path configFile() {
    return configFile;
  }

  /** The credential Docker would use for {@code registry}, if the config defines one. */
  public Optional<RegistryCredential> lookup(String registry) {
    if (!Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    JsonNode config;
    try {
      config = JSON.readTree(configFile.toFile());
    } catch (IOException e) {
      throw new CredentialLookupException(
          "Cannot read Docker config: '"
              + configFile
              + "' ("
              + e.getClass().getSimpleName()
              + "); fix or remove the file, or point DOCKER_CONFIG at another directory",
          e);
    }
    if (config == null || !config.isObject()) {
      return Optional.empty();
    }
    String helperKey = matchingKey(config.path("credHelpers"), registry);
    if (helperKey != null) {
      String helper = config.path("credHelpers").path(helperKey).asText();
      Optional<RegistryCredential> found = fromHelper(helper, helperKey, "credHelpers");
      if (found.isPresent()) {
        return found;
      }
    } else if (config.hasNonNull("credsStore") && !config.path("credsStore").asText().isBlank()) {
      String storeKey = matchingKey(config.path("auths"), registry);
      String serverUrl = storeKey != null ? storeKey : serverUrlFor(registry);
      Optional<RegistryCredential> found =
          fromHelper(config.path("credsStore").asText(), serverUrl, "credsStore");
      if (found.isPresent()) {
        return found;
      }
    }
    String authKey = matchingKey(config.path("auths"), registry);
    if (authKey != null) {
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
      if (!auth.isEmpty()) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
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
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return Optional.of(
              new RegistryCredential(
                  decoded.substring(0, colon),
                  decoded.substring(colon + 1),
                  "Docker config " + configFile + " (auths '" + authKey + "')"));
        }
      }
    }
    return Optional.empty();
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
    Process process;
    try {
      process = new ProcessBuilder(executable.toString(), "get").redirectErrorStream(false).start();
    } catch (IOException e) {
      throw new CredentialLookupException(
          "Docker credential helper failed to start: '" + executable + "'; " + e.getMessage(), e);
    }
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A helper that exits without reading its input: its exit code and output tell why.
      }
      // Both streams are read beside the wait, so a helper that hangs with them open still times
      // out.
      CompletableFuture<byte[]> out = readAll(process.getInputStream());
      CompletableFuture<byte[]> err = readAll(process.getErrorStream());
      long timeout = helperTimeoutSeconds();
      if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        throw new CredentialLookupException(
            "Docker credential helper timed out: '"
                + program
                + "' after "
                + timeout
                + "s for "
                + serverUrl
                + "; check that it runs without a prompt (a locked keychain waits for one), or"
                + " allow it longer with "
                + HELPER_TIMEOUT_VARIABLE
                + "=<seconds>");
      }
      String text = new String(collected(out), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
          return Optional.empty();
        }
        // Standard output is where a helper writes the JSON holding the secret: it is never
        // quoted. Its diagnostics go to standard error; of those, the first line.
        String why = firstLine(new String(collected(err), StandardCharsets.UTF_8));
        throw new CredentialLookupException(
            "Docker credential helper failed: '"
                + program
                + " get' exited "
                + process.exitValue()
                + " for "
                + serverUrl
                + (why.isEmpty() ? "" : " (" + why + ")")
                + "; run docker login "
                + serverUrl
                + " or fix "
                + field
                + " in "
                + configFile);
      }
      JsonNode answer;
      try {
        answer = JSON.readTree(text);
      } catch (IOException e) {
        throw new CredentialLookupException(
            "Docker credential helper answered no JSON: '"
                + program
                + " get' for "
                + serverUrl
                + "; check the helper");
      }
      String username = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new RegistryCredential(username, secret, source));
    } catch (IOException e) {
      throw new CredentialLookupException(
          "Docker credential helper failed: '" + program + "'; " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialLookupException("Interrupted while running " + program, e);
    }
  }

  private long helperTimeoutSeconds() {
    String value = environment.get(HELPER_TIMEOUT_VARIABLE);
    try {
      long seconds = value == null ? HELPER_TIMEOUT_SECONDS : Long.parseLong(value.trim());
      return seconds > 0 ? seconds : HELPER_TIMEOUT_SECONDS;
    } catch (NumberFormatException e) {
      return HELPER_TIMEOUT_SECONDS;
    }
  }

  private static CompletableFuture<byte[]> readAll(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }

  /** What a stream of an ended helper held; its streams close when it ends. */
  private static byte[] collected(CompletableFuture<byte[]> stream) throws IOException {
    try {
      return stream.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("the helper's output could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the helper's output", e);
    }
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

  private static String firstLine(String text) {
    String trimmed = text.trim();
    int newline = trimmed.indexOf('\n');
    String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
