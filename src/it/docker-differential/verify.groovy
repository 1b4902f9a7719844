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

// Differences the daemonless engine does not remove yet, each with its reason: case -> the paths (or
// `config <Field>`) where it is accepted. Every difference is still printed; one at a path not
// listed fails the case, and a listed path that no longer differs fails too, so the list shrinks as
// the engine is fixed.
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
assert KNOWN.keySet().every { k -> cases*.name.contains(k) } : "KNOWN names a case that is not there: ${KNOWN.keySet()}"

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
      lines << [key: path, text: "  ${path}: docker ${show(expected[path])} | dockyard ${show(actual[path])}"]
    }
  }
  Map expectedConfig = images.config(reference)
  Map actualConfig = images.config(dockyard)
  CONFIG.each { String field ->
    def want = none(expectedConfig[field]), got = none(actualConfig[field])
    if (want != got) {
      lines << [key: "config ${field}".toString(),
                text: "  config ${field}: docker ${JsonOutput.toJson(want)} | dockyard ${JsonOutput.toJson(got)}"]
    }
  }

  // A case that changes nothing against the base proves nothing.
  int added = expected.count { path, e -> baseTree[path] != e }
  boolean configured = CONFIG.any { none(expectedConfig[it]) != none(baseConfig[it]) }
  assert added > 0 || configured : "${name}: docker build changed nothing on the base image"

  // A listed path also covers what lies below it (a directory replaced with all its contents).
  Map listed = KNOWN[name] ?: [:]
  Map known = lines.collectEntries { l ->
    String k = listed.keySet().find { l.key == it || l.key.startsWith(it + '/') }
    k == null ? [:] : [(l.key): listed[k]]
  }
  List unexpected = lines.findAll { !known.containsKey(it.key) }
  List gone = listed.keySet().findAll { k -> !lines.any { it.key == k } } as List
  if (lines.isEmpty() && listed.isEmpty()) {
    report << "${name}: same files (${added} entries over the base) and config"
  } else {
    report << "${name}: ${unexpected ? 'DIFFERS from docker build' : 'known differences only'} in ${lines.size()} places:"
    lines.each { report << "${it.text}   [${known.containsKey(it.key) ? 'known' : 'UNEXPECTED'}]" }
    lines.findAll { known.containsKey(it.key) }.collect { known[it.key] }.unique().each { report << "  known because: ${it}" }
    gone.each { report << "  ${it}: listed as a known difference but now equal: remove it from KNOWN" }
    if (unexpected || gone) failed << name
  }
}
String text = report.join('\n') + "\n${cases.size()} cases compared in " +
    "${(System.currentTimeMillis() - started) / 1000}s\n"
checks.file('differences.txt').text = text
println text
assert failed.isEmpty() : "daemonless images differ from docker build: ${failed}; see differences.txt"

return true
