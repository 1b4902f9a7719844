def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Docker credential helper not found: 'docker-credential-corp-vault' named by credsStore in docker-config/config.json is not on the PATH; install it, or remove that entry from the config")
return true
