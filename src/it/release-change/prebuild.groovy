def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.ownNamespace('it-relchg')
def run = checks.mvn(localRepositoryPath.toString(), 'release-1.0.0.log', ['clean', 'deploy', '-Dmaven.deploy.skip=true'])
assert run.exit == 0 : 'release 1.0.0 failed; see release-1.0.0.log'
def before = ['s-one', 's-two', 's-three', 's-four', 's-five'].collectEntries { s ->
  assert checks.releaseModule(s).change == 'new'
  [(s): checks.digest("${ns}/${s}", 'latest')]
}
new File(basedir, 'before.json').text = groovy.json.JsonOutput.toJson(
    [digests: before, registryLogOffset: checks.registryLog().length()])
return true
