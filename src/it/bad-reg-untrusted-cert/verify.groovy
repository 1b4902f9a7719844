def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Registry certificate is not trusted: 'Failed to verify the server at https://127.0.0.2:5543/v2/ because only secure connections are allowed. (PKIX path building failed")
assert log.contains("; trust its CA (<caCertificates>/-Ddockyard.caCertificates or the JVM trust store), or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow unverified TLS")
assert !log.contains('Pushed ')
return true
