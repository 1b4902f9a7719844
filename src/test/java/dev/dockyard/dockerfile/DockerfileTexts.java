package dev.dockyard.dockerfile;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of Dockerfile-like text for the fuzz tests: directives, instructions with flags,
 * words, quotes, escapes, variables with every modifier (nested), JSON exec forms, heredocs with
 * bodies, continuations, comments, blank lines and characters outside ASCII, all mixed with some
 * malformed pieces, so that generated files reach every branch of the parser and the lexer.
 */
final class DockerfileTexts {

  private DockerfileTexts() {}

  private static final Arbitrary<String> ARGUMENT = DockerfileWords.argument();

  /** Whole Dockerfiles. */
  static Arbitrary<String> dockerfiles() {
    Arbitrary<String> header =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just("")),
            Tuple.of(3, directives()),
            Tuple.of(1, directives().list().ofMaxSize(3).map(l -> String.join("", l))));
    Arbitrary<List<String>> body =
        Arbitraries.frequencyOf(
                Tuple.of(10, instructionLine()),
                Tuple.of(2, heredocInstruction()),
                Tuple.of(1, Arbitraries.of("", "# a comment", "   ", "\t# x")))
            .list()
            .ofMaxSize(7);
    Arbitrary<String> ending = Arbitraries.of("\n", "\n", "\r\n");
    Arbitrary<String> first =
        Arbitraries.frequencyOf(
            Tuple.of(6, from()),
            Tuple.of(
                2,
                Combinators.combine(line("ARG", Arbitraries.just(""), pairs()), from())
                    .as((arg, from) -> arg + "\n" + from)),
            Tuple.of(1, instructionLine()));
    return Combinators.combine(header, first, body, ending, Arbitraries.of("", "", "\n", "\\"))
        .as(
            (head, start, lines, eol, end) -> {
              StringBuilder text = new StringBuilder(head).append(start);
              for (String line : lines) {
                text.append('\n').append(line);
              }
              return text.append(end).toString().replace("\n", eol);
            });
  }

  /** Parser directives at the top, valid and not. */
  static Arbitrary<String> directives() {
    return Arbitraries.of(
        "# escape=`\n",
        "# escape=`\n",
        "# escape=\\\n",
        "#escape = `\n",
        "# syntax=docker/dockerfile:1\n",
        "# check=skip=all\n",
        "# ESCAPE=`\n",
        "# escape=x\n",
        "# unknown=1\n",
        "\uFEFF",
        "\n");
  }

  static Arbitrary<String> from() {
    return Combinators.combine(
            Arbitraries.of("FROM", "from", "From"),
            Arbitraries.of(
                "base",
                "scratch",
                "127.0.0.1:5000/base/java17:latest",
                "${BASE}",
                "$BASE:${TAG:-17}",
                "base@sha256:abc"),
            Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.of(" AS build", " as Runtime", " AS b.1-x_y")),
                Tuple.of(1, Arbitraries.of(" AS 1bad", " AS", " AS a b"))),
            Arbitraries.of("", "", "", " --platform=linux/amd64"))
        .as((kw, image, name, platform) -> kw + platform + " " + image + name);
  }

  /**
   * One instruction of any kind, with arguments and flags that fit it, sometimes ones that do not.
   */
  static Arbitrary<String> instructionLine() {
    Arbitrary<String> paths = path().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
    Arbitrary<String> copyItems =
        Arbitraries.frequencyOf(
            Tuple.of(5, Combinators.combine(paths, path()).as((a, b) -> a + " " + b)),
            Tuple.of(1, DockerfileWords.json()),
            Tuple.of(1, words()));
    return Arbitraries.frequencyOf(
        Tuple.of(6, line("COPY", flags("COPY"), copyItems)),
        Tuple.of(3, line("ADD", flags("ADD"), copyItems)),
        Tuple.of(4, line("ENV", none(), pairs())),
        Tuple.of(3, line("ARG", none(), pairs())),
        Tuple.of(3, line("LABEL", none(), pairs())),
        Tuple.of(3, line("EXPOSE", none(), ports())),
        Tuple.of(3, line("WORKDIR", none(), path())),
        Tuple.of(2, line("USER", none(), Arbitraries.oneOf(path(), ARGUMENT))),
        Tuple.of(2, line("VOLUME", none(), Arbitraries.oneOf(paths, DockerfileWords.json()))),
        Tuple.of(3, line("ENTRYPOINT", none(), Arbitraries.oneOf(DockerfileWords.json(), words()))),
        Tuple.of(3, line("CMD", none(), Arbitraries.oneOf(DockerfileWords.json(), words()))),
        Tuple.of(2, line("RUN", flags("RUN"), Arbitraries.oneOf(DockerfileWords.json(), words()))),
        Tuple.of(
            1,
            line(
                "HEALTHCHECK",
                flags("HEALTHCHECK"),
                Arbitraries.oneOf(
                    Arbitraries.of("NONE", "none", "CMD", "NONE x"),
                    words().map(w -> "CMD " + w)))),
        Tuple.of(1, line("SHELL", none(), Arbitraries.oneOf(DockerfileWords.json(), words()))),
        Tuple.of(1, line("STOPSIGNAL", none(), ARGUMENT)),
        Tuple.of(1, line("MAINTAINER", none(), words())),
        Tuple.of(1, from()),
        Tuple.of(
            1,
            line(
                "ONBUILD",
                none(),
                Combinators.combine(Arbitraries.of(DockerfileParser.KEYWORDS), words())
                    .as((k, w) -> k + " " + w))),
        Tuple.of(1, line(Arbitraries.of("COPPY", "FRM", "RUNN", "x", "é", "--"), none(), words())));
  }

  private static Arbitrary<String> none() {
    return Arbitraries.just("");
  }

  private static Arbitrary<String> line(
      String keyword, Arbitrary<String> flags, Arbitrary<String> arguments) {
    Arbitrary<String> spelt =
        Arbitraries.of(
            keyword,
            keyword,
            keyword,
            keyword.toLowerCase(Locale.ROOT),
            keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT));
    return line(spelt, flags, arguments);
  }

  private static Arbitrary<String> line(
      Arbitrary<String> keyword, Arbitrary<String> flags, Arbitrary<String> arguments) {
    Arbitrary<String> breaks =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(" ")), Tuple.of(1, DockerfileWords.separator()));
    return Combinators.combine(
            Arbitraries.of("", "", "", "  ", "\t"), keyword, flags, breaks, arguments)
        .as((indent, k, f, sep, args) -> indent + k + f + sep + args);
  }

  /** Flags of the keyword, now and then a wrong one. */
  private static Arbitrary<String> flags(String keyword) {
    List<String> own =
        switch (keyword) {
          case "COPY" ->
              List.of(
                  "--chown=1000:1000",
                  "--chown=\"app user\"",
                  "--chown=app:app",
                  "--chmod=755",
                  "--chmod=0644",
                  "--chmod=9",
                  "--chmod=$MODE",
                  "--from=build",
                  "--from=0",
                  "--link",
                  "--link=False",
                  "--parents",
                  "--exclude=*.md",
                  "--chown=a\\ b");
          case "ADD" ->
              List.of(
                  "--chown=1000",
                  "--chmod=700",
                  "--link",
                  "--checksum=sha256:abc",
                  "--keep-git-dir=true",
                  "--exclude=x",
                  "--chmod=u+x");
          case "RUN" ->
              List.of(
                  "--mount=type=cache,target=/root/.m2", "--network=none", "--security=insecure");
          default -> List.of("--interval=5s", "--retries=3", "--timeout=1s");
        };
    Arbitrary<String> flag =
        Arbitraries.frequencyOf(
            Tuple.of(40, Arbitraries.of(own)),
            Tuple.of(1, Arbitraries.of("--bogus", "--x=", "--", "--chown", "--link=maybe")));
    return flag.list()
        .uniqueElements(f -> f.replaceAll("=.*", ""))
        .ofMaxSize(2)
        .map(list -> list.isEmpty() ? "" : " " + String.join(" ", list));
  }

  /** {@code name=value} pairs, now and then the legacy {@code ENV name value} form. */
  static Arbitrary<String> pairs() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            Tuple.of(
                30, Arbitraries.of("A", "B_1", "é", "a.b", "x-y", "PATH", "MODE", "BASE", "1x")),
            Tuple.of(1, Arbitraries.just("")));
    Arbitrary<String> value = ARGUMENT.list().ofMaxSize(2).map(parts -> String.join("", parts));
    Arbitrary<String> pair =
        Combinators.combine(name, Arbitraries.of("=", "=", "=", " "), value)
            .as((n, eq, v) -> n + eq + v);
    return Combinators.combine(pair.list().ofMinSize(1).ofMaxSize(3), DockerfileWords.separator())
        .as((list, sep) -> String.join(list.size() > 2 ? sep : " ", list));
  }

  static Arbitrary<String> ports() {
    return Arbitraries.of(
            "8080",
            "80/udp",
            "53/sctp",
            "8000-8010/tcp",
            "${PORT:-8080}",
            "$P/tcp",
            "99999",
            "80/http",
            "abc",
            "0",
            "9-1",
            "\"8080\"",
            "${A}")
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join(" ", l));
  }

  static Arbitrary<String> path() {
    return Arbitraries.frequencyOf(
            Tuple.of(
                5,
                Arbitraries.of(
                    "app.jar",
                    "/app/",
                    ".",
                    "a",
                    "src/*.txt",
                    "/opt/app",
                    "lib/",
                    "../out",
                    "/",
                    "x.tar.gz",
                    "https://example.com/a.tgz",
                    "git@github.com:a/b.git",
                    "*",
                    "a b",
                    "dir/.",
                    "C:\\x")),
            Tuple.of(2, DockerfileWords.variable(2)),
            Tuple.of(1, DockerfileWords.heredocWord()),
            Tuple.of(1, ARGUMENT))
        .list()
        .ofMinSize(1)
        .ofMaxSize(2)
        .map(parts -> String.join("", parts));
  }

  static Arbitrary<String> words() {
    return Combinators.combine(
            ARGUMENT.list().ofMinSize(1).ofMaxSize(5), DockerfileWords.separator().list().ofSize(5))
        .as(
            (args, seps) -> {
              StringBuilder out = new StringBuilder();
              for (int i = 0; i < args.size(); i++) {
                out.append(i == 0 ? "" : seps.get(i)).append(args.get(i));
              }
              return out.toString();
            });
  }

  /** A RUN, COPY or ADD that opens heredocs, with their bodies and (mostly) their delimiters. */
  static Arbitrary<String> heredocInstruction() {
    Arbitrary<String> name = Arbitraries.of("EOF", "END", "E", "café", "EOF");
    Arbitrary<String> opener = Arbitraries.of("<<%s", "<<-%s", "<<\"%s\"", "<<'%s'", "3<<%s");
    Arbitrary<String> body =
        Arbitraries.frequencyOf(
                Tuple.of(5, ARGUMENT),
                Tuple.of(1, Arbitraries.of("#!/bin/sh", "\techo tab", "", "$A ${A:-x}")))
            .list()
            .ofMaxSize(3)
            .map(lines -> String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    return Combinators.combine(
            Arbitraries.of("RUN", "COPY", "ADD", "run", "ONBUILD RUN", "COPY --chmod=755", "COPY"),
            name,
            opener,
            Arbitraries.of("", " /dst", " /dst", " cat", " <<X /d", " /a/ \\"),
            body,
            Arbitraries.of("%s", "\t%s", "", "%s ", "%s", "%s"))
        .as(
            (keyword, delimiter, open, rest, content, close) ->
                keyword
                    + " "
                    + String.format(open, delimiter)
                    + rest
                    + "\n"
                    + content
                    + String.format(close, delimiter));
  }

  /**
   * A Dockerfile whose instruction repeats one fragment thousands of times; shown as {@code
   * RUN ("${A:-" x 5000) /d} in failure reports rather than in full.
   */
  record Repeated(String keyword, String piece, int times, String end) {
    String text() {
      return "FROM base\n" + keyword + piece.repeat(times) + end;
    }

    @Override
    public String toString() {
      return keyword + "(\"" + piece.replace("\n", "\\n") + "\" x " + times + ")" + end;
    }
  }

  /** Fragments repeated for stack depth and running time (nesting, continuations, quotes). */
  static Arbitrary<Repeated> repeated() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "${A:-",
            "${A/",
            "${A#",
            "[",
            "[\"",
            "\\\n",
            "\\\n\n",
            "\\\n#c\n",
            "\"",
            "'",
            "$",
            "${A}",
            "<<EOF ",
            "\\",
            "${A:-}",
            "}",
            "=",
            "\"$A\"",
            "a=b ",
            "[\"a\",");
    return Combinators.combine(
            Arbitraries.of("RUN ", "COPY ", "ENV A=", "EXPOSE ", "WORKDIR /", "LABEL ", "USER "),
            fragment,
            Arbitraries.integers().between(1, 20_000),
            Arbitraries.of("", " /d", "}", "]"))
        .as(Repeated::new);
  }
}
