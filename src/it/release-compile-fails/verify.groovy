// The rerun after the fix: every tag moves to the 1.0.1 images, and the images pushed by the
// failed run are taken as they are: not one blob of svc-a or svc-b is uploaded again.
import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def before = new JsonSlurper().parse(checks.file('before.json'))
def log = checks.log()

assert log.contains('Tagged 3 images at the end of the reactor (6 tags)')
['svc-a', 'svc-b', 'svc-c'].each { s ->
  def image = new JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert image.pushed
  assert checks.tags("${ns}/${s}").sort() == ['1.0.0', '1.0.1', 'latest'] : s
  assert checks.digest("${ns}/${s}", '1.0.1') == image.digest
  assert checks.digest("${ns}/${s}", 'latest') == image.digest
  assert checks.digest("${ns}/${s}", '1.0.0') == before.latest[s] : "${s}: 1.0.0 kept"
  assert checks.run("${checks.REGISTRY}/${ns}/${s}:1.0.1") == "${s} release=2"
}
['svc-a', 'svc-b'].each { s ->
  def image = new JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert image.digest == before.staged[s] : "${s}: the same image the failed run pushed"
  // latest still named 1.0.0 when this run began: the failed run moved no tag.
  assert image.change == 'changed' && image.previousDigest == before.latest[s]
  assert checks.uploads("${ns}/${s}", before.registryLogOffset as long) == [] : "${s}: blobs uploaded again"
}
assert !checks.uploads("${ns}/svc-c", before.registryLogOffset as long).isEmpty() : 'svc-c had new classes to upload'
assert checks.release().outcome == 'tagged'
return true
