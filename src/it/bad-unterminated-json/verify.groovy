def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Unterminated JSON array in ENTRYPOINT: '[\"java\", \"-jar\"' at src/main/docker/Dockerfile:3; close the array with ']' and quote each element with \"")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
