package dev.dockyard.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The build-context paths a Dockerfile of any number of stages reads: the sources of its COPY and
 * ADD instructions that copy from the context (not {@code --from} a stage or image, not a URL),
 * with build args, ARG and ENV substituted as Docker would. A variable the Dockerfile does not
 * define (one from a base image's environment) turns its path segment into {@code *}, so the
 * selection errs on sending more, never less.
 */
public final class CopySources {

  private static final Pattern REMOTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://|git@).*");

  /** ARGs every build knows without a declaration, as Docker predefines them. */
  public static final Set<String> PREDEFINED_ARGS =
      Set.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  private CopySources() {}

  /**
   * The context-relative sources (possibly globs) of every COPY/ADD that reads the build context.
   *
   * @param dockerfile the parsed Dockerfile, any number of stages
   * @param buildArgs values for declared ARGs
   */
  public static List<String> of(Dockerfile dockerfile, Map<String, String> buildArgs)
      throws DockerfileException {
    Set<String> sources = new LinkedHashSet<>();
    Map<String, String> globalArgs = new HashMap<>();
    Map<String, String> stage = new HashMap<>();
    boolean inStage = false;
    for (Instruction instruction : dockerfile.instructions()) {
      switch (instruction.keyword()) {
        case "FROM" -> {
          inStage = true;
          stage = new HashMap<>();
        }
        case "ARG" ->
            declare(
                dockerfile,
                instruction,
                buildArgs,
                inStage ? stage : globalArgs,
                inStage,
                globalArgs);
        case "ENV" -> {
          if (inStage) {
            Map<String, String> resolved = new HashMap<>();
            for (KeyValue pair : instruction.keyValues()) {
              resolved.put(
                  substitute(dockerfile, stage, pair.key()).text(),
                  substitute(dockerfile, stage, pair.value()).text());
            }
            stage.putAll(resolved);
          }
        }
        case "COPY", "ADD" -> addContextSources(dockerfile, instruction, stage, sources);
        default -> {
          // nothing else reads the context
        }
      }
    }
    return List.copyOf(sources);
  }

  /** Records the values an ARG instruction gives its variables in {@code scope}. */
  private static void declare(
      Dockerfile dockerfile,
      Instruction instruction,
      Map<String, String> buildArgs,
      Map<String, String> scope,
      boolean inStage,
      Map<String, String> globalArgs)
      throws DockerfileException {
    for (KeyValue declaration : instruction.argDeclarations()) {
      String value;
      if (buildArgs.containsKey(declaration.key())) {
        value = buildArgs.get(declaration.key());
      } else if (declaration.value() != null) {
        value = substitute(dockerfile, scope, declaration.value()).text();
      } else {
        value = inStage ? globalArgs.get(declaration.key()) : null;
      }
      if (value != null) {
        scope.put(declaration.key(), value);
      }
    }
  }

  /** Adds the sources a COPY or ADD reads from the build context, if it reads from it. */
  private static void addContextSources(
      Dockerfile dockerfile,
      Instruction instruction,
      Map<String, String> stage,
      Set<String> sources)
      throws DockerfileException {
    if (instruction.hasFlag("from")) {
      return;
    }
    List<String> items = instruction.listForm();
    List<Heredoc> heredocs = instruction.sourceHeredocs();
    for (int i = 0; i < heredocs.size(); i++) {
      String item = items.get(i);
      // a heredoc source is written in the Dockerfile, not read from the context
      if (heredocs.get(i) != null || REMOTE.matcher(item).matches()) {
        continue;
      }
      sources.add(source(dockerfile, stage, item));
    }
  }

  /**
   * The names of build args that no ARG declares; Docker ignores them and warns, and so do we.
   * Predefined proxy args are never reported.
   */
  public static List<String> undeclaredArgs(Dockerfile dockerfile, Map<String, String> buildArgs)
      throws DockerfileException {
    Set<String> declared = new LinkedHashSet<>();
    for (Instruction instruction : dockerfile.instructions()) {
      if (instruction.is("ARG")) {
        instruction.argDeclarations().forEach(d -> declared.add(d.key()));
      }
    }
    List<String> undeclared = new ArrayList<>();
    for (String name : buildArgs.keySet()) {
      if (!declared.contains(name) && !PREDEFINED_ARGS.contains(name)) {
        undeclared.add(name);
      }
    }
    return undeclared;
  }

  private static String source(Dockerfile dockerfile, Map<String, String> stage, String written)
      throws DockerfileException {
    if (!written.contains("$")) {
      return written;
    }
    Substituted whole = substitute(dockerfile, stage, written);
    if (!whole.unknown()) {
      return whole.text();
    }
    // Segment by segment: a segment that needs an unknown variable matches anything.
    List<String> segments = new ArrayList<>();
    for (String segment : written.split("/", -1)) {
      Substituted part = substitute(dockerfile, stage, segment);
      segments.add(part.unknown() ? "*" : part.text());
    }
    return String.join("/", segments);
  }

  private record Substituted(String text, boolean unknown) {}

  private static Substituted substitute(
      Dockerfile dockerfile, Map<String, String> variables, String word)
      throws DockerfileException {
    boolean[] unknown = {false};
    ShellLexer lexer =
        new ShellLexer(
            dockerfile.escape(),
            name -> {
              String value = variables.get(name);
              if (value == null) {
                unknown[0] = true;
              }
              return value;
            });
    try {
      return new Substituted(lexer.word(word), unknown[0]);
    } catch (ShellLexer.SubstitutionException e) {
      // Docker reports the bad substitution when it runs the step; send the rest meanwhile.
      return new Substituted(word, true);
    }
  }
}
