def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Registry host unknown: 'registry.invalid")
return true
