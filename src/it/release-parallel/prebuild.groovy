def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.ownNamespace('it-relpar')
def run = checks.mvn(localRepositoryPath.toString(), 'tools-broken.log',
    ['-T', '4', 'clean', 'deploy', '-Dmaven.deploy.skip=true', '-Dtools.exclude=none'])
assert run.exit != 0 : 'zz-tools must fail to compile'
// Four at a time, zz-tools may fail before or after some services pushed by digest; either way
// no tag moves, and when one was pushed the log says why its tags did not.
if (run.log.contains("Pushed ${checks.REGISTRY}/${ns}/svc-")) {
  assert run.log =~ /\[ERROR\] 0 of \d images? tagged: zz-tools failed/
}
(1..6).each { i -> assert checks.tags("${ns}/svc-${i}") == [] : "svc-${i}: a tag moved" }
return true
