def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Instruction before the first FROM: 'ENV' at src/main/docker/Dockerfile:2; only ARG may come before FROM; move ENV after FROM <image>")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
