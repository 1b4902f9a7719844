package dev.dockyard.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Heredocs as the Dockerfile reference describes them, read as BuildKit reads them. */
class HeredocParsingTest {

  private static Dockerfile parse(String text) throws DockerfileException {
    return DockerfileParser.parse(text, "Dockerfile");
  }

  private static Instruction second(String text) throws DockerfileException {
    return parse(text).instructions().get(1);
  }

  static Stream<Arguments> heredocs() {
    return Stream.of(
        Arguments.of(
            "FROM b\nRUN <<EOF\necho hi\nEOF\nCMD x",
            List.of(new Heredoc("EOF", true, false, "echo hi\n"))),
        Arguments.of(
            "FROM b\nRUN <<-EOF\n\techo hi\n\t\tEOF\nCMD x",
            List.of(new Heredoc("EOF", true, true, "\techo hi\n"))),
        Arguments.of(
            "FROM b\nCOPY <<\"EOF\" /etc/app.conf\n$HOME\nEOF\nCMD x",
            List.of(new Heredoc("EOF", false, false, "$HOME\n"))),
        Arguments.of(
            "FROM b\nCOPY <<'E'OF /f\nx\nEOF\nCMD x",
            List.of(new Heredoc("EOF", false, false, "x\n"))),
        Arguments.of(
            "FROM b\nCOPY <<a.txt <<b.txt /dir/\nA\na.txt\nB\nb.txt\nCMD x",
            List.of(
                new Heredoc("a.txt", true, false, "A\n"),
                new Heredoc("b.txt", true, false, "B\n"))),
        Arguments.of(
            "FROM b\nRUN cat <<EOF > /f && \\\n  cat /f\nFROM x\nEOF\nCMD x",
            List.of(new Heredoc("EOF", true, false, "FROM x\n"))),
        Arguments.of(
            "FROM b\nRUN 3<<EOF cat /dev/fd/3\nx\r\nEOF\r\nCMD x",
            List.of(new Heredoc("EOF", true, false, "x\r\n"))),
        Arguments.of(
            "FROM b\nADD <<EOF /f\n\nEOF\nCMD x", List.of(new Heredoc("EOF", true, false, "\n"))),
        Arguments.of(
            "FROM b\nONBUILD RUN <<EOF\necho later\nEOF\nCMD x",
            List.of(new Heredoc("EOF", true, false, "echo later\n"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("heredocs")
  void readsHeredocContentUpToItsDelimiter(String text, List<Heredoc> expected)
      throws DockerfileException {
    Dockerfile dockerfile = parse(text);

    assertThat(dockerfile.instructions().get(1).heredocs()).isEqualTo(expected);
    assertThat(dockerfile.instructions().get(2).text()).isEqualTo("CMD x");
  }

  @Test
  void theInstructionEndsOnItsLastDelimiterLine() throws DockerfileException {
    Instruction run = second("FROM b\nRUN <<A <<B\na\nA\nb\nB\nCMD x\n");

    assertThat(run.location().line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(6);
    assertThat(run.arguments()).isEqualTo("<<A <<B");
  }

  @Test
  void chompDropsLeadingTabsOfEveryLineButNotSpaces() {
    Heredoc heredoc = new Heredoc("EOF", true, true, "\t\ta\n  b\n\tc\n");

    assertThat(heredoc.text()).isEqualTo("a\n  b\nc\n");
  }

  static Stream<String> notHeredocs() {
    return Stream.of(
        "FROM b\nRUN [\"cat\", \"<<EOF\"]\nCMD x",
        "FROM b\nRUN echo '<<EOF'\nCMD x",
        "FROM b\nRUN echo \"<<EOF\"\nCMD x",
        "FROM b\nRUN echo \\<<EOF\nCMD x",
        "FROM b\nRUN echo a<<EOF\nCMD x",
        "FROM b\nRUN echo <<\nCMD x",
        "FROM b\nCMD cat <<EOF\nCMD x",
        "FROM b\nENV A=<<EOF\nCMD x");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("notHeredocs")
  void onlyUnquotedWordsOfRunCopyAndAddOpenHeredocs(String text) throws DockerfileException {
    Dockerfile dockerfile = parse(text);

    assertThat(dockerfile.instructions()).hasSize(3);
    assertThat(dockerfile.hasHeredocs()).isFalse();
  }

  @Test
  void eachHeredocSourceOfCopyTakesTheNextHeredocInOrder() throws DockerfileException {
    Instruction copy = second("FROM b\nCOPY <<x app.jar <<x /dir/\n1\nx\n2\nx\n");

    assertThat(copy.sourceHeredocs())
        .containsExactly(
            new Heredoc("x", true, false, "1\n"), null, new Heredoc("x", true, false, "2\n"));
  }

  @Test
  void rejectsAHeredocWithoutItsDelimiter() {
    assertThatThrownBy(() -> parse("FROM b\nRUN <<EOF\necho hi\nEO F\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Unterminated heredoc in RUN: '<<EOF' at Dockerfile:2; end it with a line holding"
                + " only EOF");
  }

  @Test
  void rejectsAnUnterminatedSecondHeredoc() {
    assertThatThrownBy(() -> parse("FROM b\nCOPY <<a <<b /d/\n1\na\n2\n"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage(
            "Unterminated heredoc in COPY: '<<b' at Dockerfile:2; end it with a line holding"
                + " only b");
  }

  @Test
  void copyHeredocBecomesAnInlineFileWithVariablesSubstitutedButQuotesKept()
      throws DockerfileException {
    String text =
        "FROM b\nARG V=1\nENV W=two\nCOPY --chmod=600 <<EOF <<'RAW' /etc/\n"
            + "v=$V \"$W\" \\$V ${W:-x}\nEOF\nv=$V\nRAW\n";
    ImageRecipe recipe = DockerfileResolver.resolve(parse(text), Map.of(), () -> null);

    CopyStep step = recipe.copies().get(0);
    assertThat(step.sources()).isEmpty();
    assertThat(step.chmod()).isEqualTo("600");
    assertThat(step.inline())
        .containsExactly(
            new CopyStep.InlineFile("EOF", "v=1 \"two\" $V two\n"),
            new CopyStep.InlineFile("RAW", "v=$V\n"));
  }

  @Test
  void heredocSourcesAreNotContextFiles() throws DockerfileException {
    Dockerfile dockerfile = parse("FROM b\nCOPY <<EOF a.txt /d/\nx\nEOF\n");

    assertThat(CopySources.of(dockerfile, Map.of())).containsExactly("a.txt");
  }

  @Test
  void copyHeredocNeedsNoEngineButRunHeredocDoes() throws DockerfileException {
    assertThat(EngineRequirement.firstNeedingEngine(parse("FROM b\nCOPY <<EOF /f\nx\nEOF\n")))
        .isEmpty();
    assertThat(
            EngineRequirement.firstNeedingEngine(parse("FROM b\nRUN <<EOF\nx\nEOF\n"))
                .map(Instruction::keyword))
        .contains("RUN");
  }

  @Test
  void heredocLinesAreNeitherInstructionsNorComments() throws DockerfileException {
    Dockerfile dockerfile = parse("FROM b\nRUN <<EOF\n# not a comment\nFROM x \\\nEOF\n");

    assertThat(dockerfile.instructions()).hasSize(2);
    assertThat(dockerfile.instructions().get(1).heredocs().get(0).content())
        .isEqualTo("# not a comment\nFROM x \\\n");
    assertThat(Arrays.asList(dockerfile.warnings().toArray())).isEmpty();
  }
}
