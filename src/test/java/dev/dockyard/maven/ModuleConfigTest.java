package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one adapter from the goals' parameters to the typed configuration: every user setting the
 * plugin descriptor lists is documented with its {@code -D} form and read into the configuration.
 */
class ModuleConfigTest {

  /** Parameters that are no module setting, or are read outside {@link ModuleConfig}. */
  private static final List<String> NOT_IN_MODULE_CONFIG = List.of("service", "baseImageCache");

  /** Map parameters whose {@code -D} form names one entry: {@code -Ddockyard.<prefix>.NAME}. */
  private static final Map<String, String> ENTRY_PREFIXES =
      Map.of("env", "env", "labels", "label", "buildArgs", "buildArg", "mirrors", "mirror");

  @TempDir Path moduleDir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("userSettings")
  void everySettingNamesItsPropertyInTheHelpText(String name, String description) {
    if (name.equals("service")) {
      assertThat(description).contains("it has no -D property");
    } else {
      assertThat(description).contains("-Ddockyard." + propertyOf(name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userSettings")
  void everySettingsPropertyChangesTheConfiguration(String name, String description)
      throws Exception {
    if (NOT_IN_MODULE_CONFIG.contains(name)) {
      return;
    }
    String property = "dockyard." + propertyOf(name);
    if (ENTRY_PREFIXES.containsKey(name)) {
      property += ".PROBE";
    }
    Properties asTrue = new Properties();
    asTrue.setProperty(property, "true");
    Properties asOther = new Properties();
    asOther.setProperty(property, "false");
    Properties asValue = new Properties();
    asValue.setProperty(property, "4242");

    ModuleConfig unset = config(new Properties());
    boolean read =
        !config(asTrue).equals(unset)
            || !config(asOther).equals(unset)
            || !config(asValue).equals(unset);

    assertThat(read).as("-D%s is read into the configuration", property).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userSettings")
  void theContractAndTheReadmeListEverySettingWithItsProperty(String name, String description)
      throws Exception {
    String property = name.equals("service") ? "none" : "`dockyard." + propertyOf(name);
    for (String doc : List.of("docs/contract.md", "README.md")) {
      List<String> rows =
          Files.readAllLines(Path.of(doc)).stream()
              .filter(
                  line ->
                      line.startsWith("| `" + name + "` | `dockyard.")
                          || line.startsWith("| `" + name + "` | none |"))
              .toList();
      assertThat(rows).as("the row of %s in %s", name, doc).hasSize(1);
      assertThat(rows.get(0)).as("the row of %s in %s", name, doc).contains(property);
    }
  }

  @Test
  void aPropertyWinsOverThePomAndResolvesTheModulesCoordinates() throws Exception {
    PushMojo mojo = mojo(props("dockyard.repository", "team-${project.artifactId}"));
    mojo.repository = "from-the-pom";
    mojo.registry = "registry.corp:5000";

    ModuleConfig config = ModuleConfig.from(mojo);

    assertThat(config.naming().repository()).isEqualTo("team-order-service");
    assertThat(config.naming().registry()).isEqualTo("registry.corp:5000");
    assertThat(config.naming().name("order-service").toString())
        .isEqualTo("registry.corp:5000/team-order-service");
  }

  @Test
  void entryPropertiesAddToThePomsMapsInTheirTypedPart() throws Exception {
    PushMojo mojo =
        mojo(
            props(
                "dockyard.label.team", "shop",
                "dockyard.mirror.docker.io", "registry.corp:5000/hub",
                "dockyard.buildArg.JAR", "app.jar"));
    mojo.labels = Map.of("tier", "web");

    ModuleConfig config = ModuleConfig.from(mojo);

    assertThat(config.image().labels())
        .containsExactly(Map.entry("tier", "web"), Map.entry("team", "shop"));
    assertThat(config.registries().mirrors())
        .containsExactly(Map.entry("docker.io", "registry.corp:5000/hub"));
    assertThat(config.build().buildArgs()).containsExactly(Map.entry("JAR", "app.jar"));
  }

  @Test
  void caCertificatesAreResolvedAgainstTheModuleDirectory() throws Exception {
    PushMojo mojo = mojo(props("dockyard.caCertificates", "certs/ca.crt, /etc/ssl/corp.pem"));

    ModuleConfig config = ModuleConfig.from(mojo);

    assertThat(config.registries().caCertificates())
        .containsExactly(moduleDir.resolve("certs/ca.crt"), Path.of("/etc/ssl/corp.pem"));
  }

  @Test
  void listPropertiesAreSplitAtCommasWithoutBlanks() throws Exception {
    ModuleConfig config = ModuleConfig.from(mojo(props("dockyard.ports", "8080, ,53/udp,")));

    assertThat(config.image().ports()).containsExactly("8080", "53/udp");
  }

  @Test
  void aBooleanPropertyThatIsNeitherTrueNorFalseFailsNamingIt() {
    PushMojo mojo = mojo(props("dockyard.pushAtEnd", "yes"));

    assertThatThrownBy(() -> ModuleConfig.from(mojo))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Invalid -Ddockyard.pushAtEnd: 'yes' is not a boolean; use -Ddockyard.pushAtEnd=true"
                + " or =false (-Ddockyard.pushAtEnd alone means true)");
  }

  @Test
  void aBooleanPropertyWithoutValueMeansTrue() throws Exception {
    PushMojo mojo = mojo(props("dockyard.skipPush", ""));

    assertThat(ModuleConfig.from(mojo).skipPush()).isTrue();
  }

  private ModuleConfig config(Properties user) throws MojoFailureException {
    return ModuleConfig.from(mojo(user));
  }

  private PushMojo mojo(Properties user) {
    MavenProject project = new MavenProject();
    project.setGroupId("com.example");
    project.setArtifactId("order-service");
    project.setVersion("1.0.0");
    project.setFile(moduleDir.resolve("pom.xml").toFile());
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.setUserProperties(user);
    PushMojo mojo = new PushMojo();
    mojo.project = project;
    @SuppressWarnings("deprecation")
    MavenSession session =
        new MavenSession(null, request, new DefaultMavenExecutionResult(), project);
    mojo.session = session;
    mojo.latest = true;
    mojo.pushAtEnd = true;
    mojo.workdir = "/app";
    mojo.engine = "auto";
    mojo.tarball = "auto";
    return mojo;
  }

  private static Properties props(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private static String propertyOf(String parameter) {
    return ENTRY_PREFIXES.getOrDefault(parameter, parameter);
  }

  /** The push goal's user settings in the plugin descriptor: name and help text. */
  static List<Object[]> userSettings() throws Exception {
    List<Object[]> settings = new ArrayList<>();
    try (InputStream in =
        ModuleConfigTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertThat(in).as("the plugin descriptor in target/classes").isNotNull();
      Element root =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
      NodeList mojos = root.getElementsByTagName("mojo");
      for (int i = 0; i < mojos.getLength(); i++) {
        Element mojo = (Element) mojos.item(i);
        if (!text(mojo, "goal").equals("push")) {
          continue;
        }
        NodeList parameters =
            ((Element) mojo.getElementsByTagName("parameters").item(0))
                .getElementsByTagName("parameter");
        for (int j = 0; j < parameters.getLength(); j++) {
          Element parameter = (Element) parameters.item(j);
          if (text(parameter, "editable").equals("true")) {
            settings.add(new Object[] {text(parameter, "name"), text(parameter, "description")});
          }
        }
      }
    }
    assertThat(settings).hasSizeGreaterThan(30);
    return settings;
  }

  private static String text(Element element, String child) {
    NodeList nodes = element.getElementsByTagName(child);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
