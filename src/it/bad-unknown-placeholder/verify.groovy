def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Unknown placeholder: '\${dockyard.lib}' at src/main/docker/Dockerfile:2; did you mean \${dockyard.libs}? To leave it for Docker, write \\\${dockyard.lib}"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
