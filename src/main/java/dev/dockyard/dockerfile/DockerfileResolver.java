package dev.dockyard.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a single-stage Dockerfile into an {@link ImageRecipe}, substituting variables the way
 * BuildKit does: build args, ARG and ENV in order, falling back to the base image's environment.
 */
public final class DockerfileResolver {

  private static final Pattern PORT_RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

  private DockerfileResolver() {}

  /**
   * Resolves the Dockerfile.
   *
   * @param dockerfile a parsed single-stage Dockerfile
   * @param buildArgs build arguments; each overrides the default of the ARG of the same name and is
   *     ignored when no ARG declares it
   * @param base the base image's configuration, asked for at most once and only when the Dockerfile
   *     uses a variable it does not define, a relative WORKDIR, or a relative COPY/ADD destination
   *     before any WORKDIR
   * @throws DockerfileException when substitution fails, a value is invalid, or the Dockerfile
   *     needs a Docker engine (see {@link EngineRequirement})
   */
  public static ImageRecipe resolve(
      Dockerfile dockerfile, Map<String, String> buildArgs, Supplier<BaseImageConfig> base)
      throws DockerfileException {
    Optional<Instruction> needsEngine = EngineRequirement.firstNeedingEngine(dockerfile);
    if (needsEngine.isPresent()) {
      Instruction instruction = needsEngine.get();
      throw EngineRequirement.needsEngine(instruction, EngineRequirement.reason(instruction));
    }
    return new Resolution(dockerfile.escape(), buildArgs, base).run(dockerfile);
  }

  /** The state of one resolution: what the Dockerfile has set so far. */
  private static final class Resolution {
    private final char escape;
    private final Map<String, String> buildArgs;
    private final Supplier<BaseImageConfig> baseSupplier;
    private BaseImageConfig base;

    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    // ENV and ARG values in effect in the stage; BuildKit keeps both in one environment
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Set<String> ports = new LinkedHashSet<>();
    private final Set<String> volumes = new LinkedHashSet<>();
    private final List<CopyStep> copies = new ArrayList<>();
    private String baseImage;
    private Location fromLocation;
    private String workdir;
    private String user;
    private List<String> entrypoint;
    private List<String> cmd;
    private boolean cmdSet;

    Resolution(char escape, Map<String, String> buildArgs, Supplier<BaseImageConfig> base) {
      this.escape = escape;
      this.buildArgs = buildArgs;
      this.baseSupplier = base;
    }

    private BaseImageConfig base() {
      if (base == null) {
        base = baseSupplier.get();
      }
      return base;
    }

    private String lookup(String name) {
      if (stageVariables.containsKey(name)) {
        return stageVariables.get(name);
      }
      return base().environment().get(name);
    }

    ImageRecipe run(Dockerfile dockerfile) throws DockerfileException {
      for (Instruction instruction : dockerfile.instructions()) {
        if (baseImage == null && !instruction.is("FROM")) {
          globalArg(instruction);
          continue;
        }
        switch (instruction.keyword()) {
          case "FROM" -> from(instruction);
          case "ARG" -> stageArg(instruction);
          case "ENV" -> env(instruction);
          case "LABEL" -> label(instruction);
          case "EXPOSE" -> expose(instruction);
          case "WORKDIR" -> workdir(instruction);
          case "USER" -> user = word(instruction, instruction.arguments());
          case "VOLUME" -> volume(instruction);
          case "COPY", "ADD" -> copy(instruction);
          case "ENTRYPOINT" -> {
            entrypoint = command(instruction);
            if (!cmdSet) {
              cmd = List.of();
            }
          }
          case "CMD" -> {
            cmd = command(instruction);
            cmdSet = true;
          }
          default ->
              throw EngineRequirement.needsEngine(
                  instruction, EngineRequirement.reason(instruction));
        }
      }
      return new ImageRecipe(
          baseImage,
          fromLocation,
          copyOrdered(environment),
          copyOrdered(labels),
          List.copyOf(ports),
          workdir,
          user,
          List.copyOf(copies),
          entrypoint,
          cmd,
          List.copyOf(volumes));
    }

    private static Map<String, String> copyOrdered(Map<String, String> map) {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private void globalArg(Instruction instruction) throws DockerfileException {
      for (KeyValue declaration : instruction.argDeclarations()) {
        String value =
            declaration.value() == null
                ? null
                : word(instruction, declaration.value(), globalArgs::get);
        if (buildArgs.containsKey(declaration.key())) {
          value = buildArgs.get(declaration.key());
        }
        if (value != null) {
          globalArgs.put(declaration.key(), value);
        }
      }
    }

    private void from(Instruction instruction) throws DockerfileException {
      String written = instruction.words().get(0);
      baseImage = word(instruction, written, globalArgs::get);
      fromLocation = instruction.location();
      if (baseImage.isBlank()) {
        throw new DockerfileException(
            "FROM names no image once substituted",
            written,
            fromLocation,
            "declare the variable with a default before FROM (ARG NAME=<image>) or pass it as"
                + " a build argument");
      }
    }

    private void stageArg(Instruction instruction) throws DockerfileException {
      for (KeyValue declaration : instruction.argDeclarations()) {
        String key = declaration.key();
        String value;
        if (buildArgs.containsKey(key)) {
          value = buildArgs.get(key);
        } else if (declaration.value() != null) {
          value = word(instruction, declaration.value());
        } else {
          // a bare ARG inside the stage takes the value of the ARG of that name before FROM
          value = globalArgs.get(key);
        }
        if (value != null) {
          stageVariables.put(key, value);
        }
      }
    }

    private void env(Instruction instruction) throws DockerfileException {
      // every value sees the variables as they were before this instruction
      Map<String, String> resolved = new LinkedHashMap<>();
      for (KeyValue pair : instruction.keyValues()) {
        resolved.put(word(instruction, pair.key()), word(instruction, pair.value()));
      }
      resolved.forEach(
          (key, value) -> {
            stageVariables.put(key, value);
            environment.put(key, value);
          });
    }

    private void label(Instruction instruction) throws DockerfileException {
      Map<String, String> resolved = new LinkedHashMap<>();
      for (KeyValue pair : instruction.keyValues()) {
        resolved.put(word(instruction, pair.key()), word(instruction, pair.value()));
      }
      labels.putAll(resolved);
    }

    private void expose(Instruction instruction) throws DockerfileException {
      for (String written : instruction.words()) {
        List<String> specs;
        try {
          specs = lexer(this::lookup).words(written);
        } catch (ShellLexer.SubstitutionException e) {
          throw substitutionFailed(instruction, written, e);
        }
        for (String spec : specs) {
          ports.addAll(ports(instruction, spec));
        }
      }
    }

    private static List<String> ports(Instruction instruction, String spec)
        throws DockerfileException {
      String containerPart = spec.substring(spec.lastIndexOf(':') + 1);
      int slash = containerPart.indexOf('/');
      String range = slash < 0 ? containerPart : containerPart.substring(0, slash);
      String protocol =
          slash < 0 ? "tcp" : containerPart.substring(slash + 1).toLowerCase(Locale.ROOT);
      if (protocol.isEmpty()) {
        protocol = "tcp";
      }
      Matcher matcher = PORT_RANGE.matcher(range);
      if (!PROTOCOLS.contains(protocol) || !matcher.matches()) {
        throw invalidPort(instruction, spec);
      }
      long start = Long.parseLong(matcher.group(1));
      long end = matcher.group(2) == null ? start : Long.parseLong(matcher.group(2));
      if (start > 65535 || end > 65535 || end < start) {
        throw invalidPort(instruction, spec);
      }
      List<String> ports = new ArrayList<>();
      for (long port = start; port <= end; port++) {
        ports.add(port + "/" + protocol);
      }
      return ports;
    }

    private static DockerfileException invalidPort(Instruction instruction, String spec) {
      return new DockerfileException(
          "Invalid port in EXPOSE",
          spec,
          instruction.location(),
          "write <port>[/tcp|udp|sctp] with ports up to 65535, or a range such as 8000-8010");
    }

    private void workdir(Instruction instruction) throws DockerfileException {
      String path = word(instruction, instruction.arguments());
      if (path.startsWith("/")) {
        workdir = clean(path);
      } else {
        workdir = clean(currentWorkdir() + "/" + path);
      }
    }

    private String currentWorkdir() {
      if (workdir != null) {
        return workdir;
      }
      String inherited = base().workingDirectory();
      return inherited == null || inherited.isEmpty() ? "/" : inherited;
    }

    private void volume(Instruction instruction) throws DockerfileException {
      for (String written : instruction.listForm()) {
        String path = word(instruction, written);
        if (path.isEmpty()) {
          throw new DockerfileException(
              "Empty path in VOLUME",
              written,
              instruction.location(),
              "give each volume a path, e.g. VOLUME /data");
        }
        volumes.add(path);
      }
    }

    private void copy(Instruction instruction) throws DockerfileException {
      String keyword = instruction.keyword();
      List<String> written = instruction.listForm();
      List<Heredoc> heredocs = instruction.sourceHeredocs();
      List<String> sources = new ArrayList<>();
      List<CopyStep.InlineFile> inline = new ArrayList<>();
      for (int i = 0; i < heredocs.size(); i++) {
        Heredoc heredoc = heredocs.get(i);
        if (heredoc == null) {
          sources.add(word(instruction, written.get(i)));
        } else {
          inline.add(new CopyStep.InlineFile(heredoc.name(), heredocContent(instruction, heredoc)));
        }
      }
      String destination = word(instruction, written.get(written.size() - 1));
      EngineRequirement.checkLocalSources(instruction, sources);
      String chown = flag(instruction, "chown");
      String chmod = flag(instruction, "chmod");
      if (chmod != null) {
        DockerfileParser.checkChmod(keyword, chmod, instruction.location());
      }
      // the base image's working directory matters only for a relative destination
      String stepWorkdir =
          workdir != null || !destination.startsWith("/") ? currentWorkdir() : null;
      copies.add(
          new CopyStep(
              instruction.is("ADD"),
              List.copyOf(sources),
              destination,
              chown,
              chmod,
              stepWorkdir,
              instruction.location(),
              inline));
    }

    private String heredocContent(Instruction instruction, Heredoc heredoc)
        throws DockerfileException {
      try {
        return heredoc.expanded(this::lookup);
      } catch (ShellLexer.SubstitutionException e) {
        throw substitutionFailed(instruction, "<<" + heredoc.name(), e);
      }
    }

    private String flag(Instruction instruction, String name) throws DockerfileException {
      String value = instruction.flag(name);
      return value == null ? null : word(instruction, value);
    }

    private static List<String> command(Instruction instruction) {
      if (instruction.isExecForm()) {
        return instruction.execForm();
      }
      return List.of("/bin/sh", "-c", instruction.arguments());
    }

    private ShellLexer lexer(Function<String, String> env) {
      return new ShellLexer(escape, env);
    }

    private String word(Instruction instruction, String text) throws DockerfileException {
      return word(instruction, text, this::lookup);
    }

    private String word(Instruction instruction, String text, Function<String, String> env)
        throws DockerfileException {
      try {
        return lexer(env).word(text);
      } catch (ShellLexer.SubstitutionException e) {
        throw substitutionFailed(instruction, text, e);
      }
    }

    private static DockerfileException substitutionFailed(
        Instruction instruction, String text, ShellLexer.SubstitutionException e) {
      return new DockerfileException(
          e.what() + " in " + instruction.keyword(), text, instruction.location(), e.fix(), e);
    }
  }

  /** Cleans an absolute path as Go's path.Clean does: no '.', '..', '//' or trailing '/'. */
  static String clean(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
