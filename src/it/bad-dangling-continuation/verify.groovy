def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Line continuation at end of file: 'COPY pom.xml \\' at src/main/docker/Dockerfile:2; remove the trailing '\\' or add the line it continues to")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
