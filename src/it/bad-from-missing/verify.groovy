def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "No base image for the generated Dockerfile of bad-from-missing: '<from>' is not set; set <from> in the plugin configuration or -Ddockyard.from=registry/java:17, or add src/main/docker/Dockerfile"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
