package dev.dockyard.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.context.BuildContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine receives its Dockerfile inside the context; the ignore file that makes it drop the
 * Dockerfile again, read the way the engine reads it.
 */
class ImageBuildTest {

  private static final String DOCKERFILE = "target/dockyard/Dockerfile";

  @TempDir Path root;

  @Test
  void rulesThatHideTheDockerfileGiveAnIgnoreFileNamingItAndItself() throws Exception {
    Path dockerfile =
        Files.createDirectories(root.resolve("target/dockyard")).resolve("Dockerfile");
    Files.writeString(BuildContext.ignoreFileOf(dockerfile), "target\n");
    BuildContext context = BuildContext.open(root, dockerfile);

    Optional<String> sent = ImageBuild.dockerfileDropped(context, new TreeSet<>(), DOCKERFILE);

    assertThat(sent).isPresent();
    Files.writeString(root.resolve(".dockerignore"), sent.get());
    BuildContext engineView = BuildContext.open(root);
    assertThat(engineView.isIgnored(DOCKERFILE)).isTrue();
    assertThat(engineView.isIgnored(".dockerignore")).isTrue();
    assertThat(engineView.isIgnored("target/dockyard/app/app.jar")).isFalse();
    assertThat(engineView.isIgnored("src/main/docker/Dockerfile")).isFalse();
  }

  @Test
  void rulesThatKeepTheDockerfileSendNoIgnoreFile() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "*.log\n");

    assertThat(ImageBuild.dockerfileDropped(BuildContext.open(root), new TreeSet<>(), DOCKERFILE))
        .isEmpty();
  }

  @Test
  void theContextsOwnIgnoreFileSentForCopyIsLeftAsItIs() throws Exception {
    Files.writeString(root.resolve(".dockerignore"), "target\n");
    TreeSet<String> sent = new TreeSet<>();
    sent.add(".dockerignore");

    assertThat(ImageBuild.dockerfileDropped(BuildContext.open(root), sent, DOCKERFILE)).isEmpty();
  }
}
