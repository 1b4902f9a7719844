def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Registry 127.0.0.1:5543: using credentials of 'dockyard' from Docker credential helper docker-credential-dockyard-test (credHelpers in ")
assert log.contains("Registry 127.0.0.1:5443: using credentials of 'dockyard' from Docker credential helper docker-credential-dockyard-test (credsStore in ")
['127.0.0.1:5443', '127.0.0.1:5543'].each { registry ->
    assert log.count("Registry ${registry}: using credentials") == 1 : "one credentials line for ${registry}"
}
def report = new groovy.json.JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert checks.digest('it-reg-helper/reg-docker-helper', '1.0.0-SNAPSHOT') == report.digest

// The secret never reaches the log, in any form the HTTP layer could print it.
checks.secrets().each { s -> assert !log.contains(s) : "the log holds a secret" }
return true
