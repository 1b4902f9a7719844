import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert report.engine == 'docker'
assert report.pushed == false
assert report.image == "${checks.REGISTRY}/it-dforced/forced-service"
assert report.imageId ==~ /sha256:[0-9a-f]{64}/
// The engine's line says why this Dockerfile, which needs no engine, went to one: the setting.
String engineLine = "[INFO] Docker engine ${System.getenv('DOCKER_HOST')} (from DOCKER_HOST): Docker "
def engineLines = log.readLines().findAll { it.startsWith(engineLine) }
assert engineLines.size() == 1 : 'one line names the engine'
assert engineLines[0] ==~ /.*: Docker [0-9][^,]*, API 1\.[0-9]+; needed for forced-service by <engine>docker\/-Ddockyard\.engine=docker/
assert checks.tags('it-dforced/forced-service') == [] : 'package pushes nothing'
def tar = checks.file('target/dockyard/image.tar')
assert tar.length() > 0
assert !checks.file('target/dockyard/docker-context.tar').exists()

def load = ['docker', 'load', '-i', tar.path].execute()
def out = new StringBuffer(), err = new StringBuffer()
load.waitForProcessOutput(out, err)
assert load.exitValue() == 0 : "docker load: ${out}${err}"
assert checks.run("${report.image}:1.0.0") == 'forced'
return true
