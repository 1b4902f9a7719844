def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.readLines().contains("[ERROR] 0 of 1 image tagged: Bind-mount source ${basedir.canonicalPath}/config is a directory but the image has a file at /app/resources/app.properties, for volume './config:/app/resources/app.properties:ro' of service bad-compose-dir-vs-file in <service><volumes> of pom.xml; mount a file there, or another target path; no tag moved".toString())
assert checks.tags("${checks.namespace()}/bad-compose-dir-vs-file").isEmpty() : 'no tag moved'
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
assert checks.file('target/dockyard').list().findAll { it.startsWith('.release-') }.isEmpty() : 'no staging folder left'
return true
