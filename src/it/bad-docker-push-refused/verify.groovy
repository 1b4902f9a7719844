def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] Building and pushing 127.0.0.1:5543/readonly/bad-docker-push-refused with the Docker engine failed: Registry denied the push (403 Forbidden) of 127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0-SNAPSHOT: the account lacks push permission on that repository; ask for push rights, or push to another <namespace>/-Ddockyard.namespace; no tag moved")
assert log.contains('Docker engine unix:///run/dockyard-test/docker.sock')
def inspect = ['docker', 'image', 'inspect', '127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0'].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !log.contains('dockyard-secret') : 'the password is never logged'
return true
