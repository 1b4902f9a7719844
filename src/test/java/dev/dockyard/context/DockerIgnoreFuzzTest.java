package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockyard.dockerfile.DockerfileException;
import dev.dockyard.fuzz.TimeBound;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Fuzzes the {@code .dockerignore} matcher: any file either reads or fails naming {@code
 * .dockerignore:<line>}, no pattern/path pair makes matching throw or hang, and the matcher keeps
 * Docker's invariants (a literal path hides exactly itself and what lies below it, {@code !}
 * undoes, {@code **} reaches any depth).
 */
class DockerIgnoreFuzzTest {

  private static final String FILE = ".dockerignore";
  private static final List<String> PIECES =
      List.of(
          "*",
          "**",
          "**/",
          "?",
          "/",
          "a",
          "b",
          "ab",
          ".",
          "..",
          "[a-z]",
          "[!a]",
          "[^a]",
          "\\*",
          "\\",
          "[",
          "]",
          "[a-",
          "[]a]",
          "[[:alpha:]]",
          "[:x:]",
          "[[:nope:]]",
          "\\p",
          "\\pL",
          "\\PZ",
          "\\d",
          "\\x41",
          "\\Q",
          "\\E",
          "{",
          "}",
          "(",
          ")",
          "|",
          "+",
          "$",
          "^",
          "é",
          "中",
          "😀",
          " ",
          "#",
          "!",
          "-",
          "\t",
          "\\k",
          "\\b",
          "[z-a]",
          "[a-\\]]",
          "[\\",
          "\u00A0",
          "\u2028",
          ".go",
          "x");
  private static final List<String> SEGMENTS =
      List.of(
          "a", "b", "ab", "x.go", "é", "*", "[a]", "..", ".", "", "a b", "😀", "ba", "\\", "$", "x",
          "\u00A0");

  private final TimeBound bound = new TimeBound(Duration.ofSeconds(5));

  @AfterProperty
  void stopWorker() {
    bound.close();
  }

  @Provide
  Arbitrary<String> ignoreFiles() {
    Arbitrary<String> line =
        Arbitraries.of(PIECES)
            .list()
            .ofMinSize(1)
            .ofMaxSize(7)
            .map(pieces -> String.join("", pieces));
    return line.list()
        .ofMaxSize(5)
        .flatMap(lines -> Arbitraries.of("\n", "\r\n").map(eol -> String.join(eol, lines)));
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(SEGMENTS)
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .map(segments -> String.join("/", segments));
  }

  /** Paths of plain names: no wildcard, escape, class, leading '!' or '#', or outer blank. */
  @Provide
  Arbitrary<String> literalPaths() {
    return Arbitraries.of("a", "b", "ab", "c.d", "é", "中", "😀", "a-b", "_x", "..a", ".b")
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(parts -> String.join("", parts))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(segments -> String.join("/", segments));
  }

  /**
   * Patterns Docker accepts, also after a '!', without blanks: Docker trims a line before it drops
   * a leading '/' and not after, so {@code / *} reads as {@code *} but {@code !/ *} as {@code '
   * *'}.
   */
  @Provide
  Arbitrary<String> validPatterns() {
    return ignoreFiles()
        .map(text -> text.lines().findFirst().orElse("a"))
        .filter(DockerIgnoreFuzzTest::compiles);
  }

  @Property(tries = 25_000, seed = "20261203")
  void anyFileReadsOrFailsNamingItsLineAndMatchesAnyPath(
      @ForAll("ignoreFiles") String text, @ForAll("paths") String path) throws Exception {
    bound.within(
        text + " | " + path,
        () -> {
          try {
            DockerIgnore rules = DockerIgnore.parse(text, FILE);
            String cleaned = BuildContext.clean(path);
            return cleaned.equals(".") || rules.isIgnored(cleaned);
          } catch (DockerfileException e) {
            long lines = text.chars().filter(c -> c == '\n').count() + 1;
            assertThat(e.location().file()).isEqualTo(FILE);
            assertThat(e.location().line()).isBetween(1, (int) lines);
            assertThat(e.getMessage())
                .startsWith("Invalid .dockerignore pattern: '")
                .contains("' at " + e.location() + "; ");
            return null;
          }
        });
  }

  @Property(tries = 15_000, seed = "20261203")
  void aLiteralPathHidesExactlyItselfAndWhatLiesBelowIt(
      @ForAll("literalPaths") String literal, @ForAll("literalPaths") String other)
      throws Exception {
    DockerIgnore rules = DockerIgnore.parse(literal, FILE);
    assertThat(rules.isIgnored(literal)).isTrue();
    assertThat(rules.isIgnored(literal + "/child/file")).isTrue();
    boolean below = other.equals(literal) || other.startsWith(literal + "/");
    assertThat(rules.isIgnored(other)).as("%s hides %s", literal, other).isEqualTo(below);
  }

  @Property(tries = 10_000, seed = "20261203")
  void anExceptionAfterThePatternUndoesItAndOneBeforeItDoesNothing(
      @ForAll("validPatterns") String pattern, @ForAll("paths") String path) throws Exception {
    String target = BuildContext.clean(path);
    if (target.equals(".")) {
      return;
    }
    bound.within(
        pattern + " | " + path,
        () -> {
          DockerIgnore alone = DockerIgnore.parse(pattern, FILE);
          DockerIgnore undone = DockerIgnore.parse(pattern + "\n!" + pattern, FILE);
          DockerIgnore before = DockerIgnore.parse("!" + pattern + "\n" + pattern, FILE);
          assertThat(undone.isIgnored(target)).as("%s then !%s", pattern, pattern).isFalse();
          assertThat(before.isIgnored(target)).isEqualTo(alone.isIgnored(target));
          return null;
        });
  }

  @Property(tries = 15_000, seed = "20261203")
  void doubleStarReachesAnyDepth(
      @ForAll("literalPaths") String name, @ForAll("literalPaths") String between)
      throws Exception {
    String deep = between + "/" + name;
    assertThat(DockerIgnore.parse("**/" + name, FILE).isIgnored(deep)).isTrue();
    assertThat(DockerIgnore.parse("**/" + name, FILE).isIgnored(name)).isTrue();
    assertThat(DockerIgnore.parse(between + "/**", FILE).isIgnored(deep + "/x")).isTrue();
    assertThat(DockerIgnore.parse("**", FILE).isIgnored(deep)).isTrue();
    String first = between.split("/")[0];
    assertThat(DockerIgnore.parse(first + "/**/" + name, FILE).isIgnored(first + "/" + name))
        .isTrue();
    assertThat(DockerIgnore.parse(first + "/**/" + name, FILE).isIgnored(deep)).isTrue();
  }

  private static boolean compiles(String pattern) {
    try {
      String trimmed = DockerIgnore.trimSpace(pattern);
      return !trimmed.isEmpty()
          && !trimmed.startsWith("!")
          && !pattern.startsWith("#")
          && pattern.codePoints().noneMatch(c -> c <= ' ' || Character.isSpaceChar(c))
          && DockerIgnore.parse(pattern, FILE) != null
          // "!/" cleans to a bare "!", which Docker refuses though "/" is fine
          && DockerIgnore.parse("!" + pattern, FILE) != null;
    } catch (DockerfileException e) {
      return false;
    }
  }
}
