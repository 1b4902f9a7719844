package dev.dockyard.maven;

import dev.dockyard.setting.Setting;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from a core {@link Setting} to its Maven words, the POM element and the {@code -D}
 * property; {@link #render(String)} puts them in place of the markers of core text.
 */
public final class SettingNames {

  private static final Pattern MARKER =
      Pattern.compile(Pattern.quote(Setting.MARKER_START) + "([A-Z_]+):([a-z]+)" + "\\}");

  private static final Map<Setting, Names> NAMES = new EnumMap<>(Setting.class);

  static {
    pom(Setting.REGISTRY, "registry");
    pom(Setting.NAMESPACE, "namespace");
    pom(Setting.REPOSITORY, "repository");
    pom(Setting.FROM, "from");
    put(Setting.MIRRORS, "<mirrors>", "-Ddockyard.mirror.");
    pom(Setting.INSECURE_REGISTRIES, "insecureRegistries");
    pom(Setting.CA_CERTIFICATES, "caCertificates");
    pom(Setting.REGISTRY_RETRY_TIME, "registryRetryTime");
    pom(Setting.CREDENTIAL_HELPER_TIMEOUT, "credentialHelperTimeout");
    pom(Setting.ENGINE, "engine");
    put(Setting.BUILD_ARGS, "<buildArgs>", "-Ddockyard.buildArg.");
    put(Setting.LABELS, "<labels>", "-Ddockyard.label.");
    pom(Setting.BASE_IMAGE_CACHE, "baseImageCache");
    pom(Setting.MODULES, "modules");
    pom(Setting.MAIN_CLASS, "mainClass");
    pom(Setting.ENTRYPOINT, "entrypoint");
    pom(Setting.PORTS, "ports");
    put(Setting.ENV, "<env>", "-Ddockyard.env.");
    pom(Setting.USER, "user");
    pom(Setting.WORKDIR, "workdir");
    pom(Setting.RELEASE_NAME, "releaseName");
    pom(Setting.PORT_OFFSET, "portOffset");
    pom(Setting.TAGS, "tags");
    pom(Setting.SINCE, "since");
    put(Setting.SERVICE_PORT, "<service><port>", null);
    put(Setting.SERVICE_VOLUMES, "<service><volumes>", null);
    put(Setting.SERVICE_DEPENDS_ON, "<service><dependsOn>", null);
    NAMES.put(Setting.SERVER_CREDENTIALS, new Names("<server>", null, "settings.xml", null));
    put(Setting.SEND_CREDENTIALS_OVER_HTTP, null, "-DsendCredentialsOverHttp");
    NAMES.put(Setting.PROJECT_VERSION, new Names("<version>", null, null, "${project.version}"));
    NAMES.put(Setting.PROJECT_ARTIFACT_ID, new Names(null, null, null, "${project.artifactId}"));
    put(Setting.PROJECT_PROPERTIES, "<properties>", "-D");
  }

  private SettingNames() {}

  /**
   * The text with every marker of a setting replaced by its Maven words; a marker that names no
   * setting, or a form the setting has no word for, is left as written, never guessed.
   */
  public static String render(String text) {
    if (text == null || !text.contains(Setting.MARKER_START)) {
      return text;
    }
    Matcher markers = MARKER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (markers.find()) {
      String words = words(markers.group(1), markers.group(2));
      markers.appendReplacement(
          out, Matcher.quoteReplacement(words == null ? markers.group() : words));
    }
    markers.appendTail(out);
    return out.toString();
  }

  /** The Maven words of one form of a setting, or null when it has none. */
  public static String words(Setting setting, Setting.Form form) {
    Names names = NAMES.get(setting);
    if (names == null) {
      return null;
    }
    return switch (form) {
      case ELEMENT -> names.element();
      case PROPERTY -> names.property();
      case EITHER ->
          names.element() == null || names.property() == null
              ? null
              : names.element() + " / " + names.property();
      case FILE -> names.file();
      case EXPRESSION -> names.expression();
    };
  }

  private static String words(String setting, String form) {
    try {
      return words(Setting.valueOf(setting), Setting.Form.valueOf(form.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** A POM parameter whose property is {@code dockyard.<name>}. */
  private static void pom(Setting setting, String name) {
    put(setting, "<" + name + ">", "-Ddockyard." + name);
  }

  private static void put(Setting setting, String element, String property) {
    NAMES.put(setting, new Names(element, property, element == null ? null : "pom.xml", null));
  }

  private record Names(String element, String property, String file, String expression) {}
}
