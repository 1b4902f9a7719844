def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
println "PROBE ${basedir.name} :: " + checks.failure()
return false
