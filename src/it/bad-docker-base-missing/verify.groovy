def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log =~ /Base image not available: '[^']*does-not-exist[^']*' at src\/main\/docker\/Dockerfile:1; check the FROM line \(or <from>\/-Ddockyard.from\), that the image was pushed and that the engine can reach its registry/
def inspect = ['docker', 'image', 'inspect', "${checks.REGISTRY}/it-dbase/base-missing-service:1.0.0"].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !checks.file('target/dockyard/image.json').exists()
return true
