def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("[ERROR] 0 of 1 image tagged: Bind-mount source ${basedir.canonicalPath}/config is a directory but the image has a file at /app/resources/app.properties, for volume './config:/app/resources/app.properties:ro' of service bad-compose-dir-vs-file in <service><volumes> of pom.xml; mount a file there, or another target path; no tag moved")
assert checks.tags("${checks.namespace()}/bad-compose-dir-vs-file").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
