package dev.dockyard.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockyard.dockerfile.DockerfileException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code .dockerignore} rules as Docker documents them (comments, cleaning, {@code *}, {@code
 * ?}, {@code **}, classes, escapes, exceptions in order) and the edges of its pattern matcher.
 */
class DockerIgnoreTest {

  // one case a row: the file's lines joined by '|', a path, whether Docker leaves it out
  @ParameterizedTest(name = "[{0}] hides {1}: {2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        // a '#' in column 1 starts a comment; elsewhere it is part of the pattern
        "#notes; #notes; false",
        "\" #notes\"; #notes; true",
        "\\#notes; #notes; true",
        // one '*' or '?' stays inside one path element
        "*/temp*; somedir/temporary.txt; true",
        "*/temp*; somedir/temp; true",
        "*/temp*; temp; false",
        "*/temp*; a/b/temp; false",
        "*/*/temp*; a/b/temp.txt; true",
        "*/*/temp*; a/temp.txt; false",
        "temp?; tempa; true",
        "temp?; temp; false",
        "temp?; tempab; false",
        "a?b; a/b; false",
        // a pattern that matches a directory hides everything below it
        "target; target/classes/Main.class; true",
        "target/; target/app.jar; true",
        "target; src/target; false",
        "*.md; docs/guide.md; false",
        // cleaned like Go's filepath.Clean, one leading '/' dropped
        "/secret; secret/key.pem; true",
        "./docs//tmp/; docs/tmp/a.txt; true",
        "cache/../build; build/out.bin; true",
        "cache/../build; cache/build; false",
        // '**' matches any number of directories, also none, and works inside an element
        "**/*.go; main.go; true",
        "**/*.go; cmd/tool/main.go; true",
        "**.log; app.log; true",
        "**.log; logs/deep/server.log; true",
        "**.log; log; false",
        "**.log; app.log.txt; false",
        "a**/x; a/x; true",
        "a**/x; ab/x; true",
        "a**/x; ax; true",
        "a**/x; a/b/c/x; true",
        "a**/x; b/x; false",
        "**/build; build; true",
        "**/build; mod/build/out.jar; true",
        "**/build; rebuild; false",
        "src/**/test; src/test; true",
        "src/**/test; src/a/b/test/T.java; true",
        // 'dir/**' is what is inside dir, not dir itself
        "dir/**; dir; false",
        "dir/**; dir/file; true",
        "dir/**; dir/a/b; true",
        "dir/**; dirt/file; false",
        // character classes: ranges, '^' negates, '!' is an ordinary character
        "[a-c].txt; b.txt; true",
        "[a-c].txt; d.txt; false",
        "[^a].txt; b.txt; true",
        "[^a].txt; a.txt; false",
        "[!a].txt; !.txt; true",
        "[!a].txt; a.txt; true",
        "[!a].txt; b.txt; false",
        "data[0-9][0-9].csv; data42.csv; true",
        "data[0-9][0-9].csv; data4x.csv; false",
        "data[[:digit:]].csv; data7.csv; true",
        "data[[:digit:]].csv; dataX.csv; false",
        "[\\]a]x; ]x; true",
        "[x\\-]; -; true",
        // a backslash escapes the next character
        "file\\*.txt; file*.txt; true",
        "file\\*.txt; fileX.txt; false",
        "a\\?; a?; true",
        "a\\?; ab; false",
        "\\[ci\\]; [ci]; true",
        // Docker hands a backslash before a letter to its regular expression: '\d' is a digit
        "v\\d; v7; true",
        "v\\d; vd; false",
        // regular-expression characters mean themselves
        "a.)$(}+{bc; a.)$(}+{bc; true",
        "abc.def; abcXdef; false",
        "*.whl; dist+1.whl; true",
        // case matters
        "*.TXT; a.txt; false",
        // exceptions: the last matching line decides
        "*.md|!README.md; README.md; false",
        "*.md|!README.md; NOTES.md; true",
        "*.md|!README*.md|README-secret.md; README-secret.md; true",
        "*.md|!README*.md|README-secret.md; README-public.md; false",
        "*.md|README-secret.md|!README*.md; README-secret.md; false",
        "!README.md|*.md; README.md; true",
        "target|!target/app.jar; target/app.jar; false",
        "target|!target/app.jar; target/app.jar.sha1; true",
        "target|!target/*.jar; target/lib/a.jar; true",
        "**|!src|src/generated; src/generated/A.java; true",
        "**|!src|src/generated; src/main/A.java; false",
        "docs|!docs/**/*.md; docs/api/index.md; false",
        "docs|!docs/**/*.md; docs/api/logo.png; true",
        "  ! keep.log  |*.log|! keep.log; keep.log; false",
        // an exception only re-includes what it matches: 'a' is not what hid 'a/b'
        "a/b|!a; a; false",
        "a/b|!a; a/b/c; true",
        // white space Go trims, not only what Java trims
        "\u00A0notes.txt\u00A0; notes.txt; true",
      })
  void hidesWhatDockerHides(String lines, String path, boolean hidden) throws Exception {
    DockerIgnore ignore = DockerIgnore.parse(lines.replace('|', '\n'), ".dockerignore");

    assertThat(ignore.isIgnored(path)).isEqualTo(hidden);
  }

  @ParameterizedTest(name = "line ending {0}")
  @CsvSource(
      quoteCharacter = '"',
      value = {"\"\uFEFFa.txt\r\nb.txt\r\n\"", "\"a.txt\nb.txt\"", "\"# c\r\na.txt\n\nb.txt\n\""})
  void readsLinesAsGoScansThem(String text) throws Exception {
    DockerIgnore ignore = DockerIgnore.parse(text, ".dockerignore");

    assertThat(ignore.isIgnored("a.txt")).isTrue();
    assertThat(ignore.isIgnored("b.txt")).isTrue();
    assertThat(ignore.isIgnored("c.txt")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "[a- | '[' opens a character class that is never closed; close it with ']', or write '\\['"
            + " for a literal '['",
        "logs/[^ | '[' opens a character class that is never closed; close it with ']', or write"
            + " '\\[' for a literal '['",
        "logs\\ | a '\\' at the end escapes nothing; remove it, or write '\\\\' for a literal"
            + " backslash",
        "[] | a character class needs a character before its ']'; write '\\]' to put a ']' in the"
            + " class and '\\[' for a literal '['",
        "x[a-] | the range has no character after its '-'; write '\\-' for a literal '-'",
        "x[-a] | a '-' in a character class must stand between two characters, as in '[a-z]';"
            + " write '\\-' for a literal '-'",
        "[a-b-c] | a '-' in a character class must stand between two characters, as in '[a-z]';"
            + " write '\\-' for a literal '-'",
        "[z-a].txt | the range 'z-a' in its character class runs backwards; write the lower"
            + " character first",
        "a\\k | Docker reads '\\k' as a regular-expression escape, and there is no such escape;"
            + " put '\\' only before punctuation, or drop it",
        "[[:alfa:]] | Docker reads '[:alfa:]' as a POSIX character class and knows no such one;"
            + " use one of alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct,"
            + " space, upper, word, xdigit, or write '\\[' for a literal '['",
        "a\\pQ | Docker reads '\\pQ' as a Unicode class and knows no such one; write '\\\\' for a"
            + " literal backslash",
        "![a- | '[' opens a character class that is never closed; close it with ']', or write '\\['"
            + " for a literal '['",
        "! | write the path to re-include after '!', for example '!README.md'",
        "!/ | write the path to re-include after '!', for example '!README.md'",
      })
  void rejectsWhatDockerRejectsNamingTheLine(String pattern, String fix) {
    String text = "# build output\n\n*.log\n  " + pattern + "  \n";

    assertThatThrownBy(() -> DockerIgnore.parse(text, ".dockerignore"))
        .isInstanceOf(DockerfileException.class)
        .hasMessage("Invalid .dockerignore pattern: '" + pattern + "' at .dockerignore:4; " + fix);
  }

  // a backtracking matcher needs minutes for this (4 s with 8 repetitions, and 3x per one more);
  // the guard turns such a hang into a failure instead of a stuck build
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void patternsWithManyDoubleStarsMatchInLinearTime() throws Exception {
    String pattern = "**/*".repeat(12) + "/x";
    String deep = String.join("/", Collections.nCopies(31, "a")) + "/y";
    DockerIgnore ignore = DockerIgnore.parse(pattern + "\n", ".dockerignore");

    assertThat(ignore.isIgnored(deep)).isFalse();
    assertThat(ignore.isIgnored(String.join("/", Collections.nCopies(31, "a")) + "/x")).isTrue();
  }
}
