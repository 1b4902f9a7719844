def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Invalid image tag: 'release:1' at <tags> / -Ddockyard.tags; tags are 1 to 128 characters: letters, digits, _ . and -, not starting with . or -; correct or remove it")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
