def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("[ERROR] Failed to execute goal dev.dockyard:dockyard-maven-plugin:") 
assert log.contains("Image module bad-compose-not-pushed has no pushed image in release.json (status 'built'); the bundle pins every service by digest: run mvn deploy, so that every image is pushed and tagged, then write the bundle")
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
return true
