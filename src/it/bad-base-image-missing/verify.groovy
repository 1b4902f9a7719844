def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Base image not found: 'Tried to pull image manifest for 127.0.0.1:5000/base/does-not-exist:1 but failed because: manifest unknown'; check the FROM line of src/main/docker/Dockerfile (or <from>/-Ddockyard.from) and that the image was pushed")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
