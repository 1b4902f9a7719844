def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] 0 of 1 image tagged: Bind-mount source does not exist: ${basedir.canonicalPath}/config/app.properties for volume 'config/app.properties:/app/config/app.properties:ro' of service bad-compose-missing-source in <service><volumes> of pom.xml; create it, or fix the path (relative to the module's folder): Docker would otherwise start the service with an empty directory in its place; no tag moved".toString())
assert checks.tags("${checks.namespace()}/bad-compose-missing-source").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
