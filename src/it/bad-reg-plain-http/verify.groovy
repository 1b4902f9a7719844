def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Registry speaks plain HTTP where HTTPS is required: '")
assert log.contains("; serve the registry over HTTPS, or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow plain HTTP (credentials are then not sent to it over HTTP)")
return true
