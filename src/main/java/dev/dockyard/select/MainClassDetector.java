package dev.dockyard.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the classes of a module's own Java sources that declare {@code public static void
 * main(String[] args)}, reading the source text (comments and literals ignored), not bytecode.
 */
public final class MainClassDetector {

  private static final String IDENT =
      "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  private static final String ANNOTATION =
      "@\\s*" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*" + "(?:\\s*\\([^()]*\\))?";
  private static final Pattern MAIN =
      Pattern.compile(
          "(?<![\\p{javaJavaIdentifierPart}.@])"
              + "((?:(?:public|protected|private|static|final|synchronized|strictfp)\\b\\s*|"
              + ANNOTATION
              + "\\s*)+)"
              + "void\\s+main\\s*\\(\\s*"
              + "(?:(?:final\\b|"
              + ANNOTATION
              + ")\\s*)*"
              + "(?:java\\s*\\.\\s*lang\\s*\\.\\s*)?String"
              + "(?:\\s*(?:\\[\\s*\\]|\\.\\.\\.)\\s*"
              + IDENT
              + "|\\s+"
              + IDENT
              + "\\s*\\[\\s*\\])\\s*\\)");
  private static final Pattern PUBLIC = Pattern.compile("\\bpublic\\b");
  private static final Pattern STATIC = Pattern.compile("\\bstatic\\b");
  private static final Pattern PACKAGE =
      Pattern.compile(
          "(?<![\\p{javaJavaIdentifierPart}.@])package\\s+("
              + IDENT
              + "(?:\\s*\\.\\s*"
              + IDENT
              + ")*)\\s*;");
  private static final Pattern TOKEN =
      Pattern.compile(IDENT + "|[{}();.<@]|[^\\s\\p{javaJavaIdentifierStart}]");

  private MainClassDetector() {}

  /**
   * Reads every {@code .java} file under the given source roots (missing roots are skipped).
   *
   * @throws UncheckedIOException naming the root or file that cannot be read: an environment
   *     failure, unchecked so that reactor-wide inspection can run inside lambdas
   */
  public static Result fromSources(List<Path> sourceRoots) {
    Map<String, Found> found = new LinkedHashMap<>();
    for (Path root : sourceRoots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      for (Path file : javaFiles(root)) {
        String source;
        try {
          source = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read Java source '" + file + "'", e);
        }
        for (String className : mainClassesIn(source)) {
          found.putIfAbsent(className, new Found(className, file));
        }
      }
    }
    return new Result(
        found.values().stream().sorted(Comparator.comparing(Found::className)).toList());
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list Java sources under '" + root + "'", e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Cannot list Java sources under '" + root + "'", e.getCause());
    }
  }

  /** The binary names of the classes in one compilation unit that declare a main method. */
  static List<String> mainClassesIn(String source) {
    String code = blankCommentsAndLiterals(source);
    List<MainMethod> mains = staticMainMethods(code);
    if (mains.isEmpty()) {
      return new ArrayList<>();
    }
    String prefix = packagePrefix(code);
    return typesHolding(mains, tokens(code)).stream()
        .map(name -> prefix + name)
        .distinct()
        .toList();
  }

  /** {@code a.b.} for a compilation unit in package {@code a.b}, empty in the default package. */
  private static String packagePrefix(String code) {
    Matcher pkg = PACKAGE.matcher(code);
    return pkg.find() ? pkg.group(1).replaceAll("\\s", "") + "." : "";
  }

  /** The main methods declared static, in source order. */
  private static List<MainMethod> staticMainMethods(String code) {
    List<MainMethod> mains = new ArrayList<>();
    Matcher main = MAIN.matcher(code);
    while (main.find()) {
      String modifiers = main.group(1);
      if (STATIC.matcher(modifiers).find()) {
        mains.add(new MainMethod(main.start(), PUBLIC.matcher(modifiers).find()));
      }
    }
    return mains;
  }

  private static List<Token> tokens(String code) {
    List<Token> tokens = new ArrayList<>();
    Matcher token = TOKEN.matcher(code);
    while (token.find()) {
      tokens.add(new Token(token.group(), token.start()));
    }
    return tokens;
  }

  /**
   * Walks the braces to know, at each main method, which type bodies enclose it: the names of the
   * types a launcher can run, in the order of the methods.
   */
  private static List<String> typesHolding(List<MainMethod> mains, List<Token> tokens) {
    List<String> result = new ArrayList<>();
    Deque<Frame> frames = new ArrayDeque<>();
    Frame pending = null;
    int next = 0;
    for (int i = 0; i < tokens.size() && next < mains.size(); i++) {
      while (next < mains.size() && mains.get(next).offset() <= tokens.get(i).offset()) {
        String name = enclosingType(frames, mains.get(next).isPublic());
        if (name != null) {
          result.add(name);
        }
        next++;
      }
      String t = tokens.get(i).text();
      if (declaresType(tokens, i)) {
        pending = new Frame(tokens.get(i + 1).text(), t.equals("interface"));
      } else if (t.equals("{")) {
        frames.push(pending == null ? Frame.OTHER : pending);
        pending = null;
      } else if (t.equals("}") && !frames.isEmpty()) {
        frames.pop();
      }
    }
    return result;
  }

  /** True when the token at {@code i} starts a type declaration: {@code class Name}, ... */
  private static boolean declaresType(List<Token> tokens, int i) {
    String previous = i > 0 ? tokens.get(i - 1).text() : "";
    String following = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
    String afterThat = i + 2 < tokens.size() ? tokens.get(i + 2).text() : "";
    return !previous.equals(".")
        && isIdentifier(following)
        && switch (tokens.get(i).text()) {
          case "class", "interface", "enum" -> true;
          case "record" -> afterThat.equals("(") || afterThat.equals("<");
          default -> false;
        };
  }

  /** The binary name of the type whose body directly holds the method, null if not a type body. */
  private static String enclosingType(Deque<Frame> frames, boolean declaredPublic) {
    if (frames.isEmpty()) {
      return null;
    }
    // Methods of an interface are public without saying so.
    if (!declaredPublic && !frames.peek().isInterface()) {
      return null;
    }
    StringBuilder name = new StringBuilder();
    Iterator<Frame> outermostFirst = frames.descendingIterator();
    while (outermostFirst.hasNext()) {
      Frame frame = outermostFirst.next();
      if (frame.name() == null) {
        return null; // a local or anonymous class: no launcher can run it
      }
      name.append(name.length() == 0 ? "" : "$").append(frame.name());
    }
    return name.toString();
  }

  private static boolean isIdentifier(String token) {
    return !token.isEmpty()
        && Character.isJavaIdentifierStart(token.charAt(0))
        && !token.equals("extends")
        && !token.equals("implements");
  }

  /** Replaces comments, string, char and text block literals by spaces, keeping line breaks. */
  static String blankCommentsAndLiterals(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int n = source.length();
    int i = 0;
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(source, i, end, out);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = endOfLiteral(source, i + 3, "\"\"\"", false);
        blank(source, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i + 1, String.valueOf(c), true);
        blank(source, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The offset just after the closing delimiter, honouring backslash escapes. */
  private static int endOfLiteral(String source, int from, String close, boolean stopAtLineEnd) {
    int i = from;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (source.startsWith(close, i)) {
        return i + close.length();
      } else if (stopAtLineEnd && c == '\n') {
        return i;
      } else {
        i++;
      }
    }
    return source.length();
  }

  private static void blank(String source, int from, int to, StringBuilder out) {
    for (int i = from; i < Math.min(to, source.length()); i++) {
      out.append(source.charAt(i) == '\n' ? '\n' : ' ');
    }
  }

  /**
   * The classes that declare {@code public static void main(String[])}: one is the module's main
   * class, none or several leave it to the user.
   *
   * @param found every main class, sorted by class name
   */
  public record Result(List<Found> found) {

    public Result {
      found = List.copyOf(found);
    }

    /** The main class when there is exactly one. */
    public Optional<String> single() {
      return found.size() == 1 ? Optional.of(found.get(0).className()) : Optional.empty();
    }

    /** True when more than one class declares a main method. */
    public boolean isAmbiguous() {
      return found.size() > 1;
    }

    /** The binary names of every main class found, sorted. */
    public List<String> all() {
      return found.stream().map(Found::className).toList();
    }

    /**
     * The file that declares a class found here.
     *
     * @throws IllegalArgumentException for a class that is not among {@link #all()}
     */
    public Path sourceOf(String className) {
      return found.stream()
          .filter(f -> f.className().equals(className))
          .map(Found::sourceFile)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("not a main class found: " + className));
    }

    /**
     * For {@link ModuleCandidate#mainClassSource()}: {@code main method in src/main/java/a/B.java}
     * (relative to {@code moduleDir}) for one, {@code several main classes: a.B, c.D} for several,
     * empty for none.
     */
    public String describe(Path moduleDir) {
      if (found.isEmpty()) {
        return "";
      }
      if (isAmbiguous()) {
        return "several main classes: " + String.join(", ", all());
      }
      Path file = found.get(0).sourceFile();
      Path shown = file.startsWith(moduleDir) ? moduleDir.relativize(file) : file;
      return "main method in " + shown.toString().replace('\\', '/');
    }
  }

  /**
   * One class with a main method.
   *
   * @param className the binary name a launcher runs ({@code a.B}, {@code a.B$Inner} when nested)
   * @param sourceFile the file that declares it
   */
  public record Found(String className, Path sourceFile) {}

  /** A static main method: where it starts in the code, and whether it says {@code public}. */
  private record MainMethod(int offset, boolean isPublic) {}

  /** One token of the code and where it starts. */
  private record Token(String text, int offset) {}

  /** A brace-delimited body: a named type's, or anything else (method, initialiser, array). */
  private record Frame(String name, boolean isInterface) {
    static final Frame OTHER = new Frame(null, false);
  }
}
