def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("[ERROR] 0 of 2 images tagged: Services alpha and beta of release bad-compose-port-clash-1-0-0 both listen on host port 7201 (<service><port> 7201 in alpha/pom.xml and beta/pom.xml); give each service a port of its own; no tag moved")
['alpha', 'beta'].each { m -> assert checks.tags("${checks.namespace()}/${m}").isEmpty() : "no tag of ${m} moved" }
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
return true
