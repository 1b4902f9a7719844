// Release 1.0.0, then 1.0.1 with the last service of the reactor failing to compile.
import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.ownNamespace('it-relfail')
def services = ['svc-a', 'svc-b', 'svc-c']
def repo = localRepositoryPath.toString()

def first = checks.mvn(repo, 'release-1.0.0.log', ['clean', 'deploy', '-Dmaven.deploy.skip=true'])
assert first.exit == 0 : 'release 1.0.0 failed; see release-1.0.0.log'
def before = services.collectEntries { s -> [(s): checks.digest("${ns}/${s}", 'latest')] }
services.each { s -> assert checks.tags("${ns}/${s}").sort() == ['1.0.0', 'latest'] : s }

// 1.0.1: svc-a and svc-b change (a new env value), svc-c, the last module, does not compile.
def broken = checks.mvn(repo, 'release-1.0.1-broken.log', ['clean', 'deploy', '-Dmaven.deploy.skip=true',
    '-Drevision=1.0.1', '-Ddockyard.env.RELEASE=2', '-Dbroken.exclude=none'])
assert broken.exit != 0 : 'svc-c must fail to compile'
assert broken.log.contains('COMPILATION ERROR')
assert broken.log.contains('[ERROR] 0 of 3 images tagged: svc-c failed; no tag moved (blobs and manifests already pushed are kept, so a rerun uploads only what is missing)')

// Every tag still names the 1.0.0 images; the new images are in the registry by digest only.
services.each { s ->
  assert checks.tags("${ns}/${s}").sort() == ['1.0.0', 'latest'] : "${s}: a tag moved"
  assert checks.digest("${ns}/${s}", 'latest') == before[s] : "${s}: latest moved"
  assert checks.digest("${ns}/${s}", '1.0.0') == before[s]
}
def staged = [:]
['svc-a', 'svc-b'].each { s ->
  def image = new JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert !image.pushed : "${s}: image.json says pushed"
  assert image.change == 'changed' && image.previousDigest == before[s]
  assert image.digest != before[s]
  assert checks.get("${ns}/${s}/manifests/${image.digest}", checks.ACCEPT).code == 200 : "${s}: manifest pushed by digest"
  assert broken.log =~ /(?m)^\[INFO\]\s+${s}\s+\S+\s+1\.0\.1,latest\s+not tagged\s+changed since latest\s+sha256:\w+.*svc-c failed$/
  staged[s] = image.digest
}
assert broken.log =~ /(?m)^\[INFO\]\s+svc-c\s+failed$/

def release = checks.release()
assert release.outcome == 'not tagged' && release.reason == 'svc-c failed'
assert release.modules*.module == ['release-compile-fails', 'svc-a', 'svc-b', 'svc-c']
assert release.modules.find { it.module == 'svc-a' }.status == 'not tagged'
assert release.modules.find { it.module == 'svc-c' }.status == 'failed'

new File(basedir, 'before.json').text = groovy.json.JsonOutput.toJson([latest: before, staged: staged,
    registryLogOffset: checks.registryLog().length()])
return true
