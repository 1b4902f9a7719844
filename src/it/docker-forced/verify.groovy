import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert report.engine == 'docker'
assert report.pushed == false
assert report.image == "${checks.REGISTRY}/it-dforced/forced-service"
assert report.imageId ==~ /sha256:[0-9a-f]{64}/
assert log.contains("Docker engine ${System.getenv('DOCKER_HOST')} (from DOCKER_HOST)")
assert log.contains('by -Ddockyard.engine=docker') == false
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
