def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Registry speaks plain HTTP where HTTPS is required: 'Failed to verify the server at https://127.1:5000/v2/ because only secure connections are allowed. (Unsupported or unrecognized SSL message)'; serve the registry over HTTPS, or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow plain HTTP (credentials are then not sent to it over HTTP)".toString()
return true
