def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
// The whole line; the part in quotes is the engine's own words for the missing manifest.
assert checks.failure() == "Base image not available: 'manifest for 127.0.0.1:5000/base/does-not-exist:1 not found: manifest unknown: manifest unknown' at src/main/docker/Dockerfile:1; check the FROM line (or <from>/-Ddockyard.from), that the image was pushed and that the engine can reach its registry".toString()
def inspect = ['docker', 'image', 'inspect', "${checks.REGISTRY}/it-dbase/base-missing-service:1.0.0"].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !checks.file('target/dockyard/image.json').exists()
return true
