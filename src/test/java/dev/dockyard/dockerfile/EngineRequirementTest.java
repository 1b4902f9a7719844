package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineRequirementTest {

  private static Optional<Instruction> first(String text) throws DockerfileException {
    return EngineRequirement.firstNeedingEngine(DockerfileParser.parse(text, "Dockerfile"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN mvn package|RUN executes commands in a container",
        "RUN [\"true\"]|RUN executes commands in a container",
        "HEALTHCHECK CMD curl -f http://localhost/|HEALTHCHECK sets a health check, which the"
            + " daemonless engine does not write",
        "HEALTHCHECK NONE|HEALTHCHECK sets a health check, which the daemonless engine does not"
            + " write",
        "ONBUILD COPY . /src|ONBUILD records build triggers, which the daemonless engine does not"
            + " write",
        "SHELL [\"/bin/bash\", \"-c\"]|SHELL changes the shell of later instructions, which the"
            + " daemonless engine does not support",
        "STOPSIGNAL SIGTERM|STOPSIGNAL sets the stop signal, which the daemonless engine does not"
            + " write",
        "MAINTAINER me@example.com|MAINTAINER sets the deprecated author field, which the"
            + " daemonless engine does not write",
        "FROM other|a second FROM starts a multi-stage build, whose stages run in a container"
            + " engine",
        "COPY --from=build /out /app|COPY --from copies from another build stage or image",
        "COPY --parents src/**/pom.xml /build/|COPY --parents keeps the source's parent"
            + " directories, which the daemonless engine does not support",
        "COPY --exclude=*.md . /src|COPY --exclude filters the sources, which the daemonless"
            + " engine does not support",
        "ADD https://example.com/app.tgz /opt/|ADD https://example.com/app.tgz downloads a URL or"
            + " git repository during the build",
        "ADD git@github.com:org/repo.git /src|ADD git@github.com:org/repo.git downloads a URL or"
            + " git repository during the build",
        "ADD [\"local.tgz\", \"http://x/y\", \"/opt/\"]|ADD http://x/y downloads a URL or git"
            + " repository during the build",
        "ADD --checksum=sha256:0 app.tgz /opt/|ADD --checksum verifies a download made during the"
            + " build",
        "ADD --keep-git-dir https://github.com/o/r.git /src|ADD --keep-git-dir clones a git"
            + " repository during the build",
      })
  void findsTheFirstInstructionNeedingAnEngineAndSaysWhy(String line, String reason)
      throws DockerfileException {
    Optional<Instruction> found = first("FROM base\nCOPY a b\nENV A=1\n" + line + "\nRUN later");

    assertThat(found).isPresent();
    assertThat(found.get().location().line()).isEqualTo(4);
    assertThat(EngineRequirement.reason(found.get())).isEqualTo(reason);
  }

  @Test
  void platformOnTheFirstFromNeedsAnEngine() throws DockerfileException {
    Instruction from = first("FROM --platform=linux/arm64 base\nCOPY a b").orElseThrow();
    assertThat(from.location().line()).isEqualTo(1);
    assertThat(EngineRequirement.reason(from))
        .isEqualTo(
            "--platform selects a platform other than the build's, which needs a Docker engine");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "ARG V=1\nFROM base:$V\nARG X\nENV A=1\nLABEL b=2\nEXPOSE 80\nWORKDIR /app\nUSER 1000",
        "FROM base\nCOPY --chown=1000:1000 --chmod=0755 --link a b\nADD app.tar.gz /opt/",
        "FROM base\nCOPY --chown=1000 a b\nVOLUME /data\nENTRYPOINT [\"java\"]\nCMD [\"-jar\"]",
        "FROM base\nCOPY --chown=$UID:$GID a b\nADD $ARCHIVE /opt/",
        "FROM base\nCOPY --chown=app:staff a b\nADD --chown=app c /opt/",
        "FROM scratch\nCOPY https-not-a-url /x",
      })
  void acceptsWhatTheDaemonlessEngineCanBuild(String text) throws DockerfileException {
    assertThat(first(text)).isEmpty();
  }

  @Test
  void refusesToExplainAnInstructionThatNeedsNoEngine() throws DockerfileException {
    Instruction copy =
        DockerfileParser.parse("FROM base\nCOPY a b", "Dockerfile").instructions().get(1);
    assertThatThrownBy(() -> EngineRequirement.reason(copy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("COPY a b needs no Docker engine");
  }
}
