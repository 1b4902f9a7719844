def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
// The helper prints the secret on standard output and quotes it on standard error: the error names
// the helper, the registry, the exit code and how to see why, and quotes neither stream.
assert checks.failure() == "Docker credential helper failed: 'docker-credential-dockyard-broken get' exited 3 for registry '127.0.0.1:5443' (credHelpers in docker-config/config.json); its output is not shown, it may hold the secret: run 'echo 127.0.0.1:5443 | docker-credential-dockyard-broken get' by hand to see why, then docker login 127.0.0.1:5443, or fix that entry"
assert !log.contains('keychain locked') : 'nothing the helper wrote is quoted'
assert checks.leaks(log, 'dockyard', [new File("${checks.TESTENV}/auth/password").text.trim()]).isEmpty()
return true
