def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid image tag: 'release:1' at <since> / -Ddockyard.since; tags are 1 to 128 characters: letters, digits, _ . and -, not starting with . or -; name the tag of an earlier release, such as 1.4.2"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tags('it-bad-since/bad-since').isEmpty() : 'no tag moved'
return true
