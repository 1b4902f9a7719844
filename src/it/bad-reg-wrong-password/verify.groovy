def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Registry refused the credentials (401 Unauthorized) for '127.0.0.1:5443/it-bad/bad-reg-wrong-password' from environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD; fix the user name or password there (an earlier source in the chain wins: settings.xml <server> '127.0.0.1:5443' or '127.0.0.1', DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD, Docker config docker-config/config.json): Unauthorized for 127.0.0.1:5443/it-bad/bad-reg-wrong-password: 401 Unauthorized".toString()
assert !log.contains('wrong-password-4711')
assert !checks.file('target/dockyard/image.json').exists()
return true
