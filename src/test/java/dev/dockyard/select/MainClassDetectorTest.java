package dev.dockyard.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finding main classes in Java sources, ignoring comments and literals. */
class MainClassDetectorTest {

  @TempDir Path module;

  static Stream<Arguments> compilationUnits() {
    return Stream.of(
        Arguments.of(
            "plain",
            "package a.b;\npublic class App {\n  public static void main(String[] args) {}\n}\n",
            List.of("a.b.App")),
        Arguments.of(
            "varargs, final, reordered modifiers",
            "package a;\nclass App { static public final void main(final String... argv) {} }",
            List.of("a.App")),
        Arguments.of(
            "annotations and odd whitespace",
            "package  a . b ;\n@SuppressWarnings(\"all\")\npublic class App {\n  @Deprecated"
                + " @SuppressWarnings({\"x\", \"y\"})\n  public\n  static\tvoid   main (\n"
                + "     @SuppressWarnings(\"unused\") final java.lang.String [ ] args )\n"
                + "  throws Exception {\n  }\n}",
            List.of("a.b.App")),
        Arguments.of(
            "C-style array",
            "package a;\npublic class App { public static void main(String args[]) {} }",
            List.of("a.App")),
        Arguments.of(
            "default package",
            "public class Tool { public static void main(String[] args) {} }",
            List.of("Tool")),
        Arguments.of(
            "the declaring class, not the file name",
            "package a;\nclass Helper {}\nclass Runner { public static void main(String[] a) {} }",
            List.of("a.Runner")),
        Arguments.of(
            "nested static class",
            "package a;\npublic class Outer {\n  void run() { int[] x = {1, 2}; }\n"
                + "  static class Inner { public static void main(String[] args) {} }\n}",
            List.of("a.Outer$Inner")),
        Arguments.of(
            "record and enum",
            "package a;\nrecord Point(int x) { public static void main(String[] args) {} }\n"
                + "enum Mode { ON { void f() {} }, OFF;"
                + " public static void main(String[] args) {} }",
            List.of("a.Point", "a.Mode")),
        Arguments.of(
            "interface methods are public without saying so",
            "package a;\ninterface Cli { static void main(String[] args) {} }",
            List.of("a.Cli")),
        Arguments.of(
            "in a line comment",
            "package a;\nclass A {\n  // public static void main(String[] args) {}\n}",
            List.of()),
        Arguments.of(
            "in a block and a javadoc comment",
            "package a;\n/* class X { public static void main(String[] args) {} } */\nclass A {\n"
                + "  /** {@code public static void main(String[] args)} */ void f() {}\n}",
            List.of()),
        Arguments.of(
            "in a string, a text block and a char with braces",
            "package a;\nclass A {\n  String s = \"public static void main(String[] args) {\";\n"
                + "  String t = \"\"\"\n    public static void main(String[] args) {}\n"
                + "    \\\"\"\" }\n    \"\"\";\n  char c = '{';\n  char q = '\\'';\n}",
            List.of()),
        Arguments.of(
            "a string holding a brace does not hide a later main",
            "package a;\nclass A {\n  String s = \"}}\";\n  char c = '}';\n"
                + "  public static void main(String[] args) {}\n}",
            List.of("a.A")),
        Arguments.of(
            "a package word in a comment before the declaration",
            "// this package is great\n/* package wrong; */\npackage right;\n"
                + "class A { public static void main(String[] args) {} }",
            List.of("right.A")),
        Arguments.of(
            "not public, not static, wrong parameter, wrong return type",
            "package a;\nclass A {\n  static void main(String[] args) {}\n"
                + "  public void main(String[] args) {}\n"
                + "  public static void main(String args) {}\n"
                + "  public static void main(String[] args, int x) {}\n"
                + "  public static int main(String[] args) { return 0; }\n"
                + "  private static void mainly(String[] args) {}\n}",
            List.of()),
        Arguments.of(
            "inside an anonymous class or a method body",
            "package a;\nclass A {\n  Object o = new Object() {\n"
                + "    public static void main(String[] args) {}\n  };\n"
                + "  void f() { class Local { public static void main(String[] args) {} } }\n}",
            List.of()),
        Arguments.of(
            "a class literal is not a declaration",
            "package a;\nclass A {\n  Object k = String.class;\n"
                + "  public static void main(String[] args) {}\n}",
            List.of("a.A")),
        Arguments.of(
            "two overloads count once",
            "package a;\nclass A {\n  public static void main(String[] args) {}\n"
                + "  public static void main(String... more) {}\n}",
            List.of("a.A")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("compilationUnits")
  void findsMainMethodsDeclaredInTypeBodies(String description, String source, List<String> found) {
    assertThat(MainClassDetector.mainClassesIn(source)).containsExactlyElementsOf(found);
  }

  @Test
  void returnsTheOnlyMainClassWithTheFileThatDeclaresIt() throws IOException {
    Path root = module.resolve("src/main/java");
    write(root.resolve("a/Lib.java"), "package a;\npublic class Lib {}\n");
    write(
        root.resolve("a/b/App.java"),
        "package a.b;\npublic class App { public static void main(String[] args) {} }\n");

    MainClassDetector.Result result = MainClassDetector.fromSources(List.of(root));

    assertThat(result.single()).contains("a.b.App");
    assertThat(result.isAmbiguous()).isFalse();
    assertThat(result.describe(module)).isEqualTo("main method in src/main/java/a/b/App.java");
    assertThat(result.sourceOf("a.b.App")).isEqualTo(root.resolve("a/b/App.java"));
    assertThatThrownBy(() -> result.sourceOf("a.Lib"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a main class found: a.Lib");
  }

  @Test
  void listsEveryMainClassSortedWhenThereAreSeveral() throws IOException {
    Path java = module.resolve("src/main/java");
    Path generated = module.resolve("target/generated-sources/annotations");
    write(java.resolve("c/D.java"), "package c; class D { public static void main(String[] a){} }");
    write(
        generated.resolve("a/B.java"),
        "package a; class B { public static void main(String[] a){} }");

    MainClassDetector.Result result =
        MainClassDetector.fromSources(List.of(java, generated, module.resolve("src/missing")));

    assertThat(result.single()).isEmpty();
    assertThat(result.isAmbiguous()).isTrue();
    assertThat(result.all()).containsExactly("a.B", "c.D");
    assertThat(result.describe(module)).isEqualTo("several main classes: a.B, c.D");
  }

  @Test
  void returnsNothingWhenNoSourceDeclaresAMainMethod() throws IOException {
    Path root = module.resolve("src/main/java");
    write(root.resolve("a/Lib.java"), "package a;\npublic class Lib {}\n");
    write(root.resolve("a/package-info.java"), "package a;\n");
    write(root.resolve("a/notes.txt"), "public static void main(String[] args) {}");

    MainClassDetector.Result result = MainClassDetector.fromSources(List.of(root));

    assertThat(result.single()).isEmpty();
    assertThat(result.isAmbiguous()).isFalse();
    assertThat(result.all()).isEmpty();
    assertThat(result.describe(module)).isEmpty();
    assertThat(MainClassDetector.fromSources(List.of()).all()).isEmpty();
  }

  @Test
  void blanksCommentsAndLiteralsButKeepsLineBreaks() {
    String source = "int a; // c\n/* x\ny */ String s = \"q\\\"\"; char c = 'x';";

    assertThat(MainClassDetector.blankCommentsAndLiterals(source))
        .isEqualTo("int a;     \n    \n     String s =      ; char c =    ;");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
