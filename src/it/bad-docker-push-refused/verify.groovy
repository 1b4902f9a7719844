def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains('Registry denied the push (403 Forbidden) of 127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0-SNAPSHOT: the account lacks push permission on that repository; ask for push rights, or push to another <namespace>/-Ddockyard.namespace')
assert log.contains('Docker engine unix:///run/dockyard-test/docker.sock')
def inspect = ['docker', 'image', 'inspect', '127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0'].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !log.contains('dockyard-secret') : 'the password is never logged'
return true
