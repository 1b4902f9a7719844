def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
checks.ownNamespace('it-compose')
def run = checks.mvn(localRepositoryPath.toString(), 'release-1.0.0.log', ['clean', 'deploy', '-Dmaven.deploy.skip=true'])
assert run.exit == 0 : 'release 1.0.0 failed; see release-1.0.0.log'
def releases = new File(basedir, 'releases')
releases.mkdirs()
assert ['cp', '-a', new File(basedir, 'target/dockyard/release').path, new File(releases, '1.0.0').path].execute().waitFor() == 0
return true
