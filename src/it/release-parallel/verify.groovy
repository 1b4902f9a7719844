import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def log = checks.log()
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
assert runs[0].count('(new); tags 1.0.0,latest move at the end of the reactor') == 6
runs.each { run ->
  assert run.contains('with a thread count of 4')
  int tagged = run.indexOf('Tagged 6 images at the end of the reactor (12 tags')
  assert tagged > 0
  // After the last module has finished, whichever it was: no module's output follows it.
  (1..6).each { i -> assert run.lastIndexOf("@ svc-${i} ---") < tagged }
  assert run.lastIndexOf('@ zz-tools ---') < tagged
}
assert runs[0].contains('Tagged 6 images at the end of the reactor (12 tags)')
// Unchanged: every tag already names its image's digest, so none is written again.
assert runs[1].contains('Tagged 6 images at the end of the reactor (12 tags, 12 of them already in place)')
(1..6).each { i ->
  def s = "svc-${i}"
  def image = new JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert image.pushed && image.change == 'unchanged' && image.previousDigest == image.digest : 'the second run changed nothing'
  assert checks.tags("${ns}/${s}").sort() == ['1.0.0', 'latest'] : s
  assert checks.digest("${ns}/${s}", '1.0.0') == image.digest
  assert checks.digest("${ns}/${s}", 'latest') == image.digest
}
assert checks.run("${checks.REGISTRY}/${ns}/svc-6:1.0.0") == 'svc-6'
// The clean rerun after the failed run: a service that run pushed by digest is known by its
// inputs (the same bytes), so it is not built again; one it did not reach is built. The rebuild
// without clean: each image is known by its inputs, only its tags are written again.
String broken = checks.file('tools-broken.log').getText('UTF-8')
(1..6).each { i ->
  boolean pushedBefore = broken.contains("Pushed ${checks.REGISTRY}/${ns}/svc-${i}@")
  assert runs[0].contains("svc-${i} has the inputs of") == pushedBefore : "svc-${i}, pushed by the failed run: ${pushedBefore}"
  assert runs[1].contains("Image ${checks.REGISTRY}/${ns}/svc-${i} has the inputs of sha256:") : "svc-${i} rebuilt"
}
def tools = checks.releaseModule('zz-tools')
assert tools.status == 'skipped'
assert tools.reason == 'dockyard does not run in this module (no build or push execution)'
assert checks.release().outcome == 'tagged'
return true
