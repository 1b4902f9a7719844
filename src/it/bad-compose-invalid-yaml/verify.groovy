def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("[ERROR] 0 of 1 image tagged: Invalid YAML in the compose template: expected <block end>, but found '<block mapping start>' at src/main/docker/compose.yaml:4:4; fix the YAML there; no tag moved")
assert checks.tags("${checks.namespace()}/bad-compose-invalid-yaml").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
