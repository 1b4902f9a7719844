def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Registry not answering: 'Connect to 127.0.0.1:5999 [/127.0.0.1] failed: Connection refused' while building 127.0.0.1:5999/it-bad/bad-registry-down; check that the registry runs and <registry>/-Ddockyard.registry and FROM name it correctly".toString()
assert log.readLines().findAll { it.contains('Pushed ') }.isEmpty() : 'nothing was pushed'
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
