def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("[ERROR] 0 of 1 image tagged: Bind-mount source does not exist: ${basedir.canonicalPath}/config/app.properties for volume 'config/app.properties:/app/config/app.properties:ro' of service bad-compose-missing-source in <service><volumes> of pom.xml; create it, or fix the path (relative to the module's folder): Docker would otherwise start the service with an empty directory in its place; no tag moved")
assert checks.tags("${checks.namespace()}/bad-compose-missing-source").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
