def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "COPY failed: source not found in build context: 'config/missing.properties' at src/main/docker/Dockerfile:2; check the path; sources are relative to the build context ${basedir.canonicalPath}".toString()
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
