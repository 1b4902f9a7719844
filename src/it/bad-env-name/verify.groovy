def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid environment variable name: '1GREETING' at <env> / -Ddockyard.env.NAME; names are letters, digits, _ . and -, starting with a letter or _"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
