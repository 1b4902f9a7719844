def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Invalid image tag: 'release:1' at <tags> / -Ddockyard.tags; tags are 1 to 128 characters: letters, digits, _ . and -, not starting with . or -; correct or remove it"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
