def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Base image not found: 'Tried to pull image manifest for 127.0.0.1:5000/base/does-not-exist:1 but failed because: manifest unknown'; check the FROM line of src/main/docker/Dockerfile (or <from>/-Ddockyard.from) and that the image was pushed: 404 Not Found".toString()
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
