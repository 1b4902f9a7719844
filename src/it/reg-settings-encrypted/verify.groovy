def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def image = '127.0.0.1:5443/it-reg-settings/reg-settings-encrypted'
assert log.contains("Registry 127.0.0.1:5443: using credentials of 'dockyard' from settings.xml <server> '127.0.0.1:5443'")
assert log.contains("Pushed ${image}:1.0.0-SNAPSHOT")
def report = new groovy.json.JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert checks.tlsDigest('127.0.0.1:5443', 'it-reg-settings/reg-settings-encrypted', '1.0.0-SNAPSHOT') == report.digest
assert log.contains('[DEBUG]') : 'the build ran with -X'
assert !log.contains('{hwilxyKqKrAHBsx9Z46NM0FutFI1m//nw0jvSPJEP3E=}') : 'the encrypted password is not logged either'

// The secret never reaches the log, in any form the HTTP layer could print it.
checks.secrets().each { s -> assert !log.contains(s) : "the log holds a secret" }
return true
