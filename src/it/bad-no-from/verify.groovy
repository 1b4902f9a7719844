def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Instruction before the first FROM: 'ENV' at src/main/docker/Dockerfile:2; only ARG may come before FROM; move ENV after FROM <image>"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
