def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "COPY failed: source is outside the build context: '../outside.txt' at src/main/docker/Dockerfile:2; sources must stay inside the build context ${basedir.canonicalPath}; move the file into it".toString()
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
