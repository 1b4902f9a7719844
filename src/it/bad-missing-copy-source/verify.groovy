def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("COPY failed: source not found in build context: 'config/missing.properties' at src/main/docker/Dockerfile:2; check the path; sources are relative to the build context ${basedir.canonicalPath}")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
