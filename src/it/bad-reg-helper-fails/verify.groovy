def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Docker credential helper failed: 'docker-credential-dockyard-broken get' exited 3 for 127.0.0.1:5443 (keychain locked: cannot reach the vault); run docker login 127.0.0.1:5443 or fix credHelpers in docker-config/config.json")
return true
