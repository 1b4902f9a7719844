def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid workdir: 'app' at <workdir> / -Ddockyard.workdir; write an absolute path of letters, digits and _ . / @ + -, e.g. /app"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
