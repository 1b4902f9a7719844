def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("Invalid image repository: 'Order_Service' at <repository> / -Ddockyard.repository; repository names are lowercase letters, digits and separators . _ __ -, and must start and end with a letter or digit; try 'order_service'")
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
