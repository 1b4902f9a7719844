def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def source = 'environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD'
assert log.contains('Base image docker.io/base/java17:latest comes from mirror 127.0.0.1:5443/base/java17')
assert log.contains("Registry 127.0.0.1:5443: using credentials of 'dockyard' from ${source}")
assert log.contains("Registry 127.0.0.1:5543: using credentials of 'dockyard' from ${source}")
// said once per registry, however many calls the build makes to each
['127.0.0.1:5443', '127.0.0.1:5543'].each { registry ->
    assert log.count("Registry ${registry}: using credentials") == 1 : "one credentials line for ${registry}"
}
def report = new groovy.json.JsonSlurper().parse(checks.file('target/dockyard/image.json'))
// nginx fronts the plain registry: the image is visible there under the same digest.
assert checks.digest('it-reg-env/reg-env-mirror', '1.0.0-SNAPSHOT') == report.digest
assert checks.config('it-reg-env/reg-env-mirror', '1.0.0-SNAPSHOT').config.Labels['it.name'] == 'reg-env-mirror'

// The secret never reaches the log, in any form the HTTP layer could print it.
checks.secrets().each { s -> assert !log.contains(s) : "the log holds a secret" }
return true
