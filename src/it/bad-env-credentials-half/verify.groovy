def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Registry credentials half set: DOCKYARD_REGISTRY_USERNAME is set but neither DOCKYARD_REGISTRY_PASSWORD nor DOCKYARD_REGISTRY_PASSWORD_FILE is; set one of them, or unset DOCKYARD_REGISTRY_USERNAME to use Docker's config"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tlsTags('127.0.0.1:5443', 'it-bad-env-credentials-half/bad-env-credentials-half').isEmpty() : 'no tag moved'
return true
