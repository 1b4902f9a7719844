def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Dockerfile template not found: 'Dockerfile.nope' named by -Ddockyard.dockerfile=Dockerfile.nope for bad-dockerfile-property-missing; add the file to the module (the path is resolved against each module's directory), or leave the module out with -Ddockyard.modules"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
