def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Unknown instruction: 'COPPY' at src/main/docker/Dockerfile:2; did you mean COPY?"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
