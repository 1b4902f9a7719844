def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] 0 of 1 image tagged: Invalid YAML in the compose template: expected <block end>, but found '<block mapping start>' at src/main/docker/compose.yaml:4:4; fix the YAML there; no tag moved".toString())
assert checks.tags("${checks.namespace()}/bad-compose-invalid-yaml").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
