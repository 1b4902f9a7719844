def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Registry denied access (403 Forbidden) to '127.0.0.1:5543/readonly/bad-reg-push-forbidden' for the credentials from environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD; the account lacks pull or push permission on that repository: grant it in the registry, or use an account that has it: Unauthorized for 127.0.0.1:5543/readonly/bad-reg-push-forbidden: 403 Forbidden".toString()
return true
