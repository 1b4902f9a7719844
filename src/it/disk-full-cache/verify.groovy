import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
def ns = checks.namespace()
def repo = "${ns}/disk-full-cache"
def mount = new File(disk.ROOT, 'cache')
def log = checks.log()
new File(basedir, 'errors.txt').text = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
new File(basedir, 'cache-after-failure.txt').text = "find ${mount}".execute().text
assert checks.tags(repo) == []

// With space again, the same deploy succeeds on the cache the failed one left.
assert new File(mount, 'filler.bin').delete()
def rerun = checks.mvn(localRepositoryPath.toString(), 'rerun.log', ['deploy', '-Dmaven.deploy.skip=true'])
assert rerun.exit == 0 : 'the deploy with space failed; see rerun.log'
def image = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert checks.digest(repo, '1.0.0-SNAPSHOT') == image.digest
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0-SNAPSHOT") == 'disk-full-cache'
new File(mount, 'dockyard').deleteDir()
return true
