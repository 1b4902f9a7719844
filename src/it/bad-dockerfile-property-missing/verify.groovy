def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Dockerfile template not found: 'Dockerfile.nope' named by -Ddockyard.dockerfile=Dockerfile.nope for bad-dockerfile-property-missing; add the file to the module (the path is resolved against each module's directory), or leave the module out with -Ddockyard.modules")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
