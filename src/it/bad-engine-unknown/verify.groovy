def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Unknown engine: 'podman' in <engine>/-Ddockyard.engine; use auto, jib or docker"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
