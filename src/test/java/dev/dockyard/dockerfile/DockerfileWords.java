package dev.dockyard.dockerfile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of the words inside Dockerfile instructions, for the fuzz tests: plain words,
 * variables with every modifier (nested), quotes, escapes, JSON exec forms, heredoc openers,
 * characters outside ASCII, random runs, and the separators between words (continuations with blank
 * and comment lines).
 */
final class DockerfileWords {

  private DockerfileWords() {}

  static Arbitrary<String> separator() {
    return Arbitraries.of(
        " ",
        " ",
        " ",
        "\t",
        "",
        " \\\n",
        "\\\n  ",
        " \\\n\n",
        " \\\n# comment\n",
        " \\  \n",
        " `\n",
        "\\\n\\\n",
        " \\\n \t\n");
  }

  /** One argument word or piece of one. */
  static Arbitrary<String> argument() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, plainWord()),
        Tuple.of(4, variable(3)),
        Tuple.of(2, quoted(2)),
        Tuple.of(2, json()),
        Tuple.of(1, heredocWord()),
        Tuple.of(2, unicode()),
        Tuple.of(1, escaped()),
        Tuple.of(1, randomText()));
  }

  static Arbitrary<String> plainWord() {
    return Arbitraries.of(
        "app.jar",
        "/app/",
        ".",
        "a",
        "b",
        "src/*.txt",
        "8080",
        "80/udp",
        "8000-8010/tcp",
        "99999",
        "1000:1000",
        "java",
        "-jar",
        "--weird",
        "=",
        "k=v",
        "KEY=value",
        "=v",
        "#x",
        "&&",
        ";",
        "|",
        "*",
        "?",
        "**",
        "[a-z]",
        "~",
        "..",
        "../out",
        "/",
        "NONE",
        "CMD",
        "AS",
        "https://example.com/a.tgz",
        "git@github.com:a/b.git",
        "x.tar.gz",
        "\\",
        "`");
  }

  static Arbitrary<String> variable(int depth) {
    Arbitrary<String> name =
        Arbitraries.of("A", "HOME", "PATH", "x_1", "1", "@", "#", "9", "é", "", "a.b", "BASE");
    Arbitrary<String> simple =
        Combinators.combine(name, Arbitraries.of("$%s", "${%s}", "${%s", "$"))
            .as((n, form) -> String.format(form, n));
    if (depth == 0) {
      return simple;
    }
    Arbitrary<String> modifier =
        Arbitraries.of(
            ":-", "-", ":+", "+", ":?", "?", "#", "##", "%", "%%", "/", "//", ":", ":#", "!", "^");
    Arbitrary<String> word =
        Arbitraries.frequencyOf(
                Tuple.of(3, plainWord()),
                Tuple.of(2, variable(depth - 1)),
                Tuple.of(1, Arbitraries.of("*", "?", "\\*", "a*b", "\\}", "x/y", "\\/", "\\q", "")),
                Tuple.of(1, quoted(depth - 1)))
            .list()
            .ofMaxSize(3)
            .map(parts -> String.join("", parts));
    Arbitrary<String> modified =
        Combinators.combine(name, modifier, word, Arbitraries.of("}", "}", "}", ""))
            .as((n, m, w, close) -> "${" + n + m + w + close);
    return Arbitraries.frequencyOf(Tuple.of(1, simple), Tuple.of(2, modified));
  }

  static Arbitrary<String> quoted(int depth) {
    Arbitrary<String> inner =
        Arbitraries.frequencyOf(
                Tuple.of(3, plainWord()),
                Tuple.of(1, depth > 0 ? variable(depth) : plainWord()),
                Tuple.of(1, Arbitraries.of(" ", "\\\"", "\\$", "\\\\", "'", "\"")))
            .list()
            .ofMaxSize(3)
            .map(parts -> String.join("", parts));
    return Combinators.combine(Arbitraries.of("'", "\""), inner, Arbitraries.of(true, true, false))
        .as((q, text, closed) -> q + text + (closed ? q : ""));
  }

  static Arbitrary<String> json() {
    Arbitrary<String> element =
        Arbitraries.oneOf(
            plainWord().map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
            Arbitraries.of(
                "\"a\\\"b\"",
                "\"\\u00e9\"",
                "\"\\uD83D\\uDE00\"",
                "\"\\n\"",
                "\"\\q\"",
                "1",
                "-0.5e3",
                "true",
                "null",
                "[\"x\"]",
                "{\"a\":1}",
                "'x'",
                "\"$HOME\"",
                "\"<<EOF\""));
    return Combinators.combine(
            element.list().ofMaxSize(3),
            Arbitraries.of(", ", ",", " , "),
            Arbitraries.of("]", "]", "] trailing", "", ",]", "]]"))
        .as((items, comma, close) -> "[" + String.join(comma, items) + close);
  }

  static Arbitrary<String> heredocWord() {
    return Arbitraries.of(
        "<<EOF", "<<-EOF", "<<\"EOF\"", "<<'EOF'", "2<<EOF", "<<", "<<$X", "<<E\"O\"F");
  }

  static Arbitrary<String> unicode() {
    return Arbitraries.of(
        "é", "中文", "😀", "\u00A0", "\u2028", "\u0085", "\u200B", "\uFEFF", "Ω", "\u3000", "a\u0301",
        "\u0000", "\u000B", "\f", "\r");
  }

  static Arbitrary<String> escaped() {
    return Combinators.combine(
            Arbitraries.of("\\", "`"),
            Arbitraries.of("$", " ", "\"", "'", "\\", "`", "n", "{", "}"))
        .as((e, c) -> e + c);
  }

  /** Short runs of arbitrary characters, surrogate pairs kept whole. */
  static Arbitrary<String> randomText() {
    return Arbitraries.strings()
        .withCharRange('\u0000', '\uD7FF')
        .withCharRange('\uE000', '\uFFFF')
        .withChars("${}[]\"'\\`<>-#=:")
        .ofMaxLength(6);
  }
}
