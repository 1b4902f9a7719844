import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("[WARNING] Line continuation at end of file: 'ENTRYPOINT [\"/bin/sh\", \"-c\", \"head -n 1 /app/pom.xml\"]' at src/main/docker/Dockerfile:3; Docker ends the instruction there, remove the trailing '\\' or add the line it continues to")

def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert report.engine == 'jib'
assert report.pushed == true
def config = checks.config('it-lenient/dangling-continuation', '1.0.0-SNAPSHOT')
// the escape character is dropped and the exec form kept, as Docker reads it
assert config.config.Entrypoint == ['/bin/sh', '-c', 'head -n 1 /app/pom.xml']
assert checks.run("${report.image}:1.0.0-SNAPSHOT") == '<?xml version="1.0" encoding="UTF-8"?>'
return true
