package dev.dockyard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.setting.Setting;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingNamesTest {

  /** Settings Maven has no POM element for. */
  private static final Set<Setting> NO_ELEMENT =
      EnumSet.of(Setting.SEND_CREDENTIALS_OVER_HTTP, Setting.PROJECT_ARTIFACT_ID);

  /** Settings Maven has no {@code -D} property for. */
  private static final Set<Setting> NO_PROPERTY =
      EnumSet.of(
          Setting.SERVICE_PORT,
          Setting.SERVICE_VOLUMES,
          Setting.SERVICE_DEPENDS_ON,
          Setting.SERVER_CREDENTIALS,
          Setting.PROJECT_VERSION,
          Setting.PROJECT_ARTIFACT_ID);

  @ParameterizedTest
  @EnumSource(Setting.class)
  void rendersEverySettingToItsElementAndProperty(Setting setting) {
    String element = SettingNames.render(setting.element());
    String property = SettingNames.render(setting.property());

    if (NO_ELEMENT.contains(setting)) {
      assertThat(element).isEqualTo(setting.element());
    } else {
      assertThat(element).matches("<[a-zA-Z]+>(<[a-zA-Z]+>)?");
    }
    if (NO_PROPERTY.contains(setting)) {
      assertThat(property).isEqualTo(setting.property());
    } else {
      assertThat(property).startsWith("-D").doesNotContain(Setting.MARKER_START);
    }
  }

  @Test
  void rendersTheRegularSettingsAsDockyardProperties() {
    assertThat(SettingNames.render(Setting.REGISTRY.either()))
        .isEqualTo("<registry> / -Ddockyard.registry");
    assertThat(SettingNames.render(Setting.CA_CERTIFICATES.property()))
        .isEqualTo("-Ddockyard.caCertificates");
    assertThat(SettingNames.render(Setting.ENGINE.property("=auto")))
        .isEqualTo("-Ddockyard.engine=auto");
  }

  @Test
  void rendersTheMapsWhosePropertyIsNotTheirElement() {
    assertThat(SettingNames.render(Setting.MIRRORS.element() + "/" + Setting.MIRRORS.property()))
        .isEqualTo("<mirrors>/-Ddockyard.mirror.");
    assertThat(SettingNames.render(Setting.BUILD_ARGS.property("NAME")))
        .isEqualTo("-Ddockyard.buildArg.NAME");
    assertThat(SettingNames.render(Setting.LABELS.either()))
        .isEqualTo("<labels> / -Ddockyard.label.");
  }

  @Test
  void rendersTheFilesAndExpressionsOfMavensOwnSettings() {
    assertThat(
            SettingNames.render(
                Setting.SERVER_CREDENTIALS.file() + " " + Setting.SERVER_CREDENTIALS.element()))
        .isEqualTo("settings.xml <server>");
    assertThat(SettingNames.render(Setting.REGISTRY.file())).isEqualTo("pom.xml");
    assertThat(SettingNames.render(Setting.PROJECT_VERSION.expression()))
        .isEqualTo("${project.version}");
    assertThat(SettingNames.render(Setting.PROJECT_ARTIFACT_ID.expression()))
        .isEqualTo("${project.artifactId}");
    assertThat(SettingNames.render(Setting.PROJECT_PROPERTIES.property("NAME=...")))
        .isEqualTo("-DNAME=...");
  }

  @Test
  void rendersEveryMarkerOfAText() {
    String core =
        "Bad name: 'x' at "
            + Setting.NAMESPACE.either()
            + "; set "
            + Setting.REPOSITORY.element()
            + " or "
            + Setting.REPOSITORY.property();

    assertThat(SettingNames.render(core))
        .isEqualTo(
            "Bad name: 'x' at <namespace> / -Ddockyard.namespace; set <repository> or"
                + " -Ddockyard.repository");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain text, no marker",
        "{setting:NO_SUCH_SETTING:element}",
        "{setting:REGISTRY:nosuchform}",
        "{setting:registry:element}",
        "{setting:REGISTRY:element",
        "{setting:REGISTRY}",
        "{setting:}",
        "${project.version} and {other:REGISTRY:element}",
        "a $ and a \\ stay as they are"
      })
  void leavesTextThatIsNoMarkerOfAKnownSettingAsWritten(String text) {
    assertThat(SettingNames.render(text)).isEqualTo(text);
  }

  @Test
  void leavesAFormTheSettingHasNoWordForAsWritten() {
    assertThat(SettingNames.render(Setting.SERVER_CREDENTIALS.either()))
        .isEqualTo(Setting.SERVER_CREDENTIALS.either());
  }

  @Test
  void rendersAroundAGarbledMarkerAndKeepsItsNeighbours() {
    assertThat(SettingNames.render("{setting:NOPE:element} then " + Setting.FROM.element()))
        .isEqualTo("{setting:NOPE:element} then <from>");
  }

  @Test
  void leavesNullAsNull() {
    assertThat(SettingNames.render(null)).isNull();
  }

  @Test
  void renderingTwiceChangesNothing() {
    String once = SettingNames.render(Setting.TAGS.either() + " $1 \\ " + Setting.SINCE.element());

    assertThat(SettingNames.render(once))
        .isEqualTo(once)
        .isEqualTo("<tags> / -Ddockyard.tags $1 \\ <since>");
  }
}
