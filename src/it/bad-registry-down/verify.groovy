def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Registry not answering: 'Connect to 127.0.0.1:5999")
assert log.contains("check that the registry runs and <registry>/-Ddockyard.registry and FROM name it correctly")
assert !log.contains('Pushed 127.0.0.1:5999')
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
