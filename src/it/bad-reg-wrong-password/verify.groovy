def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Registry refused the credentials (401 Unauthorized) for '127.0.0.1:5443/it-bad/bad-reg-wrong-password' from environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD; fix the user name or password there (an earlier source in the chain wins: settings.xml <server> '127.0.0.1:5443' or '127.0.0.1', DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, Docker config docker-config/config.json)")
assert !log.contains('wrong-password-4711')
assert !checks.file('target/dockyard/image.json').exists()
return true
