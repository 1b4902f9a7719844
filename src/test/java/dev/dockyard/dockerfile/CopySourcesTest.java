package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopySourcesTest {

  @Test
  void listsTheContextSourcesOfEveryStage() throws Exception {
    Dockerfile dockerfile =
        DockerfileParser.parse(
            "FROM a AS one\nCOPY x.txt y/ /d/\nFROM b\nCOPY --from=one /d /d\nADD [\"z z\", \"/e/\"]\n",
            "Dockerfile");

    assertThat(CopySources.of(dockerfile, Map.of())).containsExactly("x.txt", "y/", "z z");
  }

  @Test
  void envInTheStageIsSubstituted() throws Exception {
    Dockerfile dockerfile =
        DockerfileParser.parse("FROM a\nENV CONF=conf\nCOPY ${CONF}/app.yml /app/\n", "Dockerfile");

    assertThat(CopySources.of(dockerfile, Map.of())).containsExactly("conf/app.yml");
  }

  @Test
  void reportsBuildArgsNoArgDeclaresButNotProxies() throws Exception {
    Dockerfile dockerfile = DockerfileParser.parse("ARG A\nFROM a\nARG B=1\n", "Dockerfile");
    Map<String, String> args = new LinkedHashMap<>();
    args.put("A", "1");
    args.put("B", "2");
    args.put("C", "3");
    args.put("HTTP_PROXY", "http://proxy:3128");

    assertThat(CopySources.undeclaredArgs(dockerfile, args)).containsExactly("C");
  }
}
