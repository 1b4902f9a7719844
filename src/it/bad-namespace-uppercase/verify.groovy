def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid image namespace: 'Shop' at <namespace> / -Ddockyard.namespace; namespace names are lowercase letters, digits and separators . _ __ -, and must start and end with a letter or digit; try 'shop'"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
