def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def report = new groovy.json.JsonSlurper().parse(checks.file('trusting/target/dockyard/image.json'))
assert log.contains("Pushed 127.0.0.2:5543/it-reg-ca/trusting:1.0.0-SNAPSHOT ${report.digest}")
assert checks.digest('it-reg-ca/trusting', '1.0.0-SNAPSHOT') == report.digest
assert log.contains("on project untrusting: Registry certificate is not trusted: 'Failed to verify the server at https://127.0.0.2:5543/v2/")
assert checks.tags('it-reg-ca/untrusting') == []
return true
