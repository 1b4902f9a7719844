// The reactor's last module, a library, fails its test after every service was pushed.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.ownNamespace('it-relfails')
def run = checks.mvn(localRepositoryPath.toString(), 'lib-last-fails.log',
    ['clean', 'deploy', '-Dmaven.deploy.skip=true', '-Dfail.last=true'])
assert run.exit != 0 : 'lib-last must fail its test'
assert run.log.contains('Tests run: 1, Failures: 1')
assert run.log.contains('[ERROR] 0 of 3 images tagged: lib-last failed; no tag moved')
['svc-a', 'svc-b', 'svc-c'].each { s ->
  assert run.log.contains("Pushed ${checks.REGISTRY}/${ns}/${s}@sha256:") : "${s} pushed its blobs"
  assert checks.tags("${ns}/${s}") == [] : "${s}: a tag moved"
}
def release = checks.release()
assert release.outcome == 'not tagged' && release.reason == 'lib-last failed'
assert release.modules.find { it.module == 'lib-last' }.status == 'failed'
return true
