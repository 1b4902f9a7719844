def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Registry speaks plain HTTP where HTTPS is required: '")
assert log.contains("; serve the registry over HTTPS, or list it in <insecureRegistries>/-Ddockyard.insecureRegistries to allow plain HTTP (credentials are then not sent to it over HTTP)")
return true
