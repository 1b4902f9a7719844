def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid tarball mode: 'sometimes' in <tarball>/-Ddockyard.tarball; use auto, true or false"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
