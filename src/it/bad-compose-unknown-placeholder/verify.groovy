def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] 0 of 1 image tagged: Unknown placeholder: '\${dockyard.image.bad-compose-unknown-placeholdr}' at src/main/docker/compose.yaml:3; did you mean \${dockyard.image.bad-compose-unknown-placeholder}? To leave it for Docker, write \\\${dockyard.image.bad-compose-unknown-placeholdr}; no tag moved".toString())
assert checks.tags("${checks.namespace()}/bad-compose-unknown-placeholder").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
