// The promise checked: for a Dockerfile without RUN, the daemonless image holds the same files and
// the same config as `docker build` (BuildKit) of the same context on the same base image.
//
// Every case module was built daemonless and pushed by the reactor. Here each one's rendered
// Dockerfile (target/dockyard/Dockerfile) is built again with `docker build`, the daemonless image is
// pulled into the same engine, and both are exported (`docker create` + `docker export`) and listed:
// path, type, mode (with the setuid/setgid/sticky bits), uid, gid, link target and SHA-256 of the
// content of every entry, over the whole file system, so a difference anywhere shows, not only where
// a case means to touch. Entries that are equal in both images are not shown.
//
// Ignored, because they differ legitimately:
// - modification times: dockyard writes the fixed outputTimestamp (or epoch) into every entry for
//   reproducible images, where Docker keeps the context's times;
// - the user and group names of tar headers: the numeric uid and gid are compared;
// - empty versus absent config values (`[]`/`{}` and null): both mean "none" to the engine.
import groovy.json.JsonOutput

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def images = evaluate(new File(basedir, '../../../src/it/lib/ImageFiles.groovy'))

// Differences the daemonless engine cannot remove yet, each with its reason. A case listed here is
// still built and compared, its differences printed, and it must still differ: once it matches,
// the entry has to go.
def KNOWN = [:]

def CONFIG = ['Env', 'Entrypoint', 'Cmd', 'WorkingDir', 'User', 'ExposedPorts', 'Labels', 'Volumes',
              'Shell', 'StopSignal', 'Healthcheck', 'OnBuild']

def show = { Map e ->
  if (e == null) return 'absent'
  String s = "${e.type} ${e.mode} ${e.uid}:${e.gid}"
  if (e.link != null) s += " -> ${e.link}"
  if (e.sha256 != null) s += " sha256:${e.sha256.substring(0, 12)}"
  return s
}
def none = { v -> v == null || ((v instanceof Collection || v instanceof Map) && v.isEmpty()) || v == '' ? null : v }

long started = System.currentTimeMillis()
String base = "${checks.REGISTRY}/base/java17:latest"
Map baseTree = images.tree(base)
Map baseConfig = images.config(base)

List<File> cases = basedir.listFiles().findAll { new File(it, 'Dockerfile').file }.sort { it.name }
assert cases.size() >= 20 : "the corpus has ${cases.size()} cases"
assert KNOWN.keySet().every { k -> cases*.name.contains(k) } : "KNOWN names no case: ${KNOWN.keySet()}"

List<String> report = []
List<String> failed = []
cases.each { File dir ->
  String name = dir.name
  String dockyard = "${checks.REGISTRY}/it-diff/${name}:1.0.0"
  String reference = "it-diff-docker/${name}:latest"
  images.docker('build', '--network', 'host', '-q', '-f', new File(dir, 'target/dockyard/Dockerfile').path,
      '-t', reference, dir.path)
  images.docker('pull', '-q', dockyard)

  Map expected = images.tree(reference)
  Map actual = images.tree(dockyard)
  List<String> lines = []
  (expected.keySet() + actual.keySet()).unique().sort().each { String path ->
    if (expected[path] != actual[path]) {
      lines << "  ${path}: docker ${show(expected[path])} | dockyard ${show(actual[path])}"
    }
  }
  Map expectedConfig = images.config(reference)
  Map actualConfig = images.config(dockyard)
  CONFIG.each { String field ->
    def want = none(expectedConfig[field]), got = none(actualConfig[field])
    if (want != got) {
      lines << "  config ${field}: docker ${JsonOutput.toJson(want)} | dockyard ${JsonOutput.toJson(got)}"
    }
  }

  // A case that changes nothing against the base proves nothing.
  int added = expected.count { path, e -> baseTree[path] != e }
  boolean configured = CONFIG.any { none(expectedConfig[it]) != none(baseConfig[it]) }
  assert added > 0 || configured : "${name}: docker build changed nothing on the base image"

  if (KNOWN.containsKey(name)) {
    report << "${name}: known difference (${KNOWN[name]}), ${lines.size()} lines:"
    report.addAll(lines)
    if (lines.isEmpty()) failed << "${name} now matches docker build: remove it from KNOWN"
  } else if (lines.isEmpty()) {
    report << "${name}: same files (${added} entries over the base) and config"
  } else {
    report << "${name}: DIFFERS from docker build in ${lines.size()} places:"
    report.addAll(lines)
    failed << name
  }
}
String text = report.join('\n') + "\n${cases.size()} cases compared in " +
    "${(System.currentTimeMillis() - started) / 1000}s\n"
checks.file('differences.txt').text = text
println text
assert failed.isEmpty() : "daemonless images differ from docker build: ${failed}; see differences.txt"
return true
