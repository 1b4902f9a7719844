def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Docker credential helper not found: 'docker-credential-corp-vault' named by credsStore in docker-config/config.json is not on the PATH; install it, or remove that entry from the config"
return true
