def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid credential helper timeout: 'soon' in <credentialHelperTimeout>/-Ddockyard.credentialHelperTimeout; use whole seconds from 1 to 3600, such as 60"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
