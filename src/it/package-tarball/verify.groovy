import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def dir = checks.file('target/dockyard')
def report = new JsonSlurper().parse(new File(dir, 'image.json'))
assert report.image == "${checks.REGISTRY}/it-package/clock-service"
assert report.tags == ['3.1.0', 'latest']
assert report.engine == 'jib'
assert report.pushed == false
assert report.digest ==~ /sha256:[0-9a-f]{64}/
assert new File(dir, 'image.digest').text.trim() == report.digest
assert checks.tags('it-package/clock-service') == [] : 'package pushes nothing'

// The tarball loads into a Docker engine and runs with its user and CMD.
def load = ['docker', 'load', '-i', new File(dir, 'image.tar').path].execute()
def out = new StringBuffer(), err = new StringBuffer()
load.waitForProcessOutput(out, err)
assert load.exitValue() == 0 : "docker load: ${out}${err}"
assert out.toString().contains("${report.image}:3.1.0")
assert checks.run("${report.image}:3.1.0") == 'clock analog --zone=UTC'
assert checks.run("--entrypoint", "id", "${report.image}:3.1.0", "-u") == '1000'

// The rendered Dockerfile is valid input for a plain docker build of the module directory.
def build = ['docker', 'build', '-q', '-f', 'target/dockyard/Dockerfile', '-t', 'it-package/plain-build:1', '.']
    .execute(['DOCKER_BUILDKIT=0', "DOCKER_HOST=${System.getenv('DOCKER_HOST')}", "PATH=${System.getenv('PATH')}"], basedir)
out = new StringBuffer(); err = new StringBuffer()
build.waitForProcessOutput(out, err)
assert build.exitValue() == 0 : "docker build: ${out}${err}"
assert checks.run('it-package/plain-build:1') == 'clock analog --zone=UTC'
return true
