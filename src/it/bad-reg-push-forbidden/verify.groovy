def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Registry denied access (403 Forbidden) to '127.0.0.1:5543/readonly/bad-reg-push-forbidden' for the credentials from environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD; the account lacks pull or push permission on that repository")
return true
