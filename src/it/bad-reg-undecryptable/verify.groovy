def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Cannot decrypt the password of settings.xml <server>: '127.0.0.1:5443' (")
assert log.contains("); check the master password in ~/.m2/settings-security.xml (or -Dsettings.security) and re-encrypt the password with mvn --encrypt-password")
return true
