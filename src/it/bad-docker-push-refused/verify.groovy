def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] Tagging the release failed at 127.0.0.1:5543/readonly/bad-docker-push-refused: Registry denied the push (403 Forbidden) of 127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0-SNAPSHOT: the account lacks push permission on that repository; ask for push rights, or push to another <namespace>/-Ddockyard.namespace; tags moved: none; tags not moved: 127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0-SNAPSHOT; rerun mvn deploy to complete them (what is in the registry is not sent again)")
assert log.contains('Docker engine unix:///run/dockyard-test/docker.sock')
def inspect = ['docker', 'image', 'inspect', '127.0.0.1:5543/readonly/bad-docker-push-refused:1.0.0'].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !log.contains('dockyard-secret') : 'the password is never logged'
return true
