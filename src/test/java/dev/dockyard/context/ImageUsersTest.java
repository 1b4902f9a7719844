package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.dockerfile.CopyStep;
import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.dockerfile.Location;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageUsersTest {

  private static final Location AT = new Location("Dockerfile", 4);
  private static final ImageUsers USERS =
      ImageUsers.parse(
          "root:x:0:0:root:/root:/bin/sh\n"
              + "app:x:1000:1001:app:/home/app:/bin/sh\n"
              + "broken:x:notanumber:1\n"
              + "app:x:2000:2000:second app, never used\n",
          "root:x:0:\nstaff:x:50:\nusers:x:100:app\n");

  private static CopyStep copy(String chown) {
    return new CopyStep(false, List.of("a"), "/b/", chown, null, null, AT);
  }

  @ParameterizedTest(name = "[{index}] --chown={0} is {1}")
  @CsvSource({
    "app,1000:1001",
    "app:staff,1000:50",
    "app:0,1000:0",
    "1000,1000:1000",
    "4321,4321:4321",
    "4321:users,4321:100",
  })
  void resolvesOwnersTheWayDockerDoes(String chown, String owner) throws DockerfileException {
    assertThat(USERS.resolve(copy(chown))).isEqualTo(owner);
  }

  @Test
  void aUserAloneByNameTakesThePrimaryGroupAndANumberAloneItself() throws DockerfileException {
    assertThat(USERS.resolve(copy("app"))).isEqualTo("1000:1001");
    assertThat(USERS.resolve(copy("1000"))).isEqualTo("1000:1000");
  }

  @Test
  void rejectsAUserTheImageDoesNotHave() {
    assertThatThrownBy(() -> USERS.resolve(copy("ghost:staff")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --chown names a user the base image does not have: 'ghost' at Dockerfile:4;"
                + " use a user listed in the base image's /etc/passwd, or a numeric id");
  }

  @Test
  void rejectsAGroupTheImageDoesNotHave() {
    assertThatThrownBy(() -> USERS.resolve(copy("app:wheel")))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "COPY --chown names a group the base image does not have: 'wheel' at Dockerfile:4;"
                + " use a group listed in the base image's /etc/group, or a numeric id");
  }

  @Test
  void anImageWithoutTheFilesResolvesOnlyNumbers() throws DockerfileException {
    assertThat(ImageUsers.NONE.resolve(copy("7:8"))).isEqualTo("7:8");
    assertThatThrownBy(() -> ImageUsers.NONE.resolve(copy("app")))
        .isInstanceOf(DockerfileException.class);
  }

  @Test
  void saysWhetherAnOwnerNamesAnyone() {
    assertThat(ImageUsers.namesAnyone("1000:1000")).isFalse();
    assertThat(ImageUsers.namesAnyone("1000")).isFalse();
    assertThat(ImageUsers.namesAnyone("app")).isTrue();
    assertThat(ImageUsers.namesAnyone("1000:staff")).isTrue();
  }
}
