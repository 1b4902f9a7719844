def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Registry not answering: 'Connect to 127.0.0.1:5999")
assert log.contains("check that the registry runs and <registry>/-Ddockyard.registry and FROM name it correctly")
assert !log.contains('Pushed 127.0.0.1:5999')
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
