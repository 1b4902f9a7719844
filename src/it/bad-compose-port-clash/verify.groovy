def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] 0 of 2 images tagged: Services alpha and beta of release bad-compose-port-clash-1-0-0 both listen on host port 7201 (<service><port> 7201 in alpha/pom.xml and beta/pom.xml); give each service a port of its own; no tag moved".toString())
['alpha', 'beta'].each { m -> assert checks.tags("${checks.namespace()}/${m}").isEmpty() : "no tag of ${m} moved" }
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
return true
