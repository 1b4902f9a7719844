package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Heredocs rewritten into what BuildKit runs, for engines that cannot read them. */
class HeredocLoweringTest {

  private static HeredocLowering.Lowered lower(String text, Map<String, String> args)
      throws DockerfileException {
    return HeredocLowering.lower(text, DockerfileParser.parse(text, "Dockerfile"), args);
  }

  @Test
  void aRunOfOneHeredocRunsItsContentWithTheShellAndKeepsLineNumbers() throws Exception {
    HeredocLowering.Lowered lowered =
        lower("FROM b\nRUN <<EOF\necho \"hi\" > /f\nEOF\nCMD x\n", Map.of());

    assertThat(lowered.text())
        .isEqualTo("FROM b\nRUN [\"/bin/sh\", \"-c\", \"echo \\\"hi\\\" > /f\\n\"]\n\n\nCMD x\n");
    assertThat(lowered.files()).isEmpty();
  }

  @Test
  void usesTheStageShellAndDropsTabsOfAChompedHeredoc() throws Exception {
    String text =
        "FROM b AS one\nSHELL [\"/bin/bash\", \"-c\"]\nFROM one\nRUN --network=none <<-EOF\n"
            + "\tset -e\n\tEOF\n";

    assertThat(lower(text, Map.of()).text().split("\n")[3])
        .isEqualTo("RUN --network=none [\"/bin/bash\", \"-c\", \"set -e\\n\"]");
  }

  @Test
  void aStageRunsWithTheShellItsBaseImageNamesUntilItSetsItsOwn() throws Exception {
    String text =
        "FROM env-shell AS one\nRUN <<EOF\na\nEOF\nFROM one\nRUN <<EOF\nb\nEOF\n"
            + "SHELL [\"/bin/ash\", \"-c\"]\nRUN <<EOF\nc\nEOF\n"
            + "FROM plain\nRUN <<EOF\nd\nEOF\n";
    List<String> asked = new ArrayList<>();
    String[] lines =
        HeredocLowering.lower(
                text,
                DockerfileParser.parse(text, "Dockerfile"),
                Map.of(),
                image -> {
                  asked.add(image);
                  return image.equals("env-shell")
                      ? List.of("/bin/env", "X=1", "/bin/sh", "-c")
                      : null;
                })
            .text()
            .split("\n");

    assertThat(lines[1]).isEqualTo("RUN [\"/bin/env\", \"X=1\", \"/bin/sh\", \"-c\", \"a\\n\"]");
    assertThat(lines[5]).isEqualTo("RUN [\"/bin/env\", \"X=1\", \"/bin/sh\", \"-c\", \"b\\n\"]");
    assertThat(lines[9]).isEqualTo("RUN [\"/bin/ash\", \"-c\", \"c\\n\"]");
    assertThat(lines[13]).isEqualTo("RUN [\"/bin/sh\", \"-c\", \"d\\n\"]");
    assertThat(asked).containsExactly("env-shell", "plain");
  }

  @Test
  void aCommandWithHeredocsGivesTheShellTheCommandWithTheHeredocsAttached() throws Exception {
    String text = "FROM b\nRUN cat <<A > /a && cat <<'B' > /b\n1\nA\n$2\nB\n";

    assertThat(lower(text, Map.of()).text().split("\n")[1])
        .isEqualTo(
            "RUN [\"/bin/sh\", \"-c\", \"cat <<A > /a && cat <<'B' > /b\\n1\\nA\\n$2\\nB\"]");
  }

  @Test
  void aScriptWithAnInterpreterLineRunsAsAnExecutableFile() throws Exception {
    String line =
        lower("FROM b\nRUN <<run.py\n#!/usr/bin/python3\nprint(1)\nrun.py\n", Map.of())
            .text()
            .split("\n")[1];

    assertThat(line)
        .startsWith("RUN [\"/bin/sh\", \"-c\", \"mkdir -p /dev/pipes && ")
        .endsWith(", \"run.py\", \"#!/usr/bin/python3\\nprint(1)\\n\"]");
  }

  @Test
  void copyHeredocsBecomeContextFilesWithVariablesSubstituted() throws Exception {
    String text =
        "ARG WHO=world\nFROM b\nARG WHO\nCOPY --chown=1:1 <<EOF app.jar <<'RAW' /app/\n"
            + "hello $WHO\nEOF\n$WHO\nRAW\n";

    HeredocLowering.Lowered lowered = lower(text, Map.of("WHO", "docker"));

    assertThat(lowered.text().split("\n")[3])
        .isEqualTo(
            "COPY --chown=1:1 [\".dockyard-heredoc/4/0/EOF\", \"app.jar\","
                + " \".dockyard-heredoc/4/2/RAW\", \"/app/\"]");
    assertThat(lowered.files())
        .isEqualTo(
            Map.of(
                ".dockyard-heredoc/4/0/EOF",
                "hello docker\n",
                ".dockyard-heredoc/4/2/RAW",
                "$WHO\n"));
  }

  @Test
  void refusesACopyHeredocWhoseVariableOnlyTheBaseImageCouldDefine() {
    assertThatThrownBy(() -> lower("FROM b\nRUN x\nCOPY <<EOF /f\n$PATH\nEOF\n", Map.of()))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Heredoc of COPY uses a variable the Dockerfile does not define: '$PATH' at"
                + " Dockerfile:3; declare it with ARG or ENV before this line, or quote the"
                + " delimiter (<<'EOF') to copy the text as written");
  }

  @Test
  void writesJsonStringsAsTheExecFormReadsThem() {
    assertThat(HeredocLowering.json(java.util.List.of("a\"b\\c\td\u0001")))
        .isEqualTo("[\"a\\\"b\\\\c\\td\\u0001\"]");
  }
}
