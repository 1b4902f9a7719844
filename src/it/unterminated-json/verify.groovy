import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("[WARNING] Exec form of ENTRYPOINT is not valid JSON: '[\"java\", \"-jar\"' at src/main/docker/Dockerfile:3; Docker runs it as shell form, write [\"executable\", \"param\"] with double quotes and a closing ']'")

def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert report.engine == 'jib'
assert report.pushed == true
def config = checks.config('it-lenient/unterminated-json', '1.0.0-SNAPSHOT')
// the text runs as shell form, exactly as docker build would write it
assert config.config.Entrypoint == ['/bin/sh', '-c', '["java", "-jar"']
return true
