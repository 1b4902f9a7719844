def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = 'it-selection'
def log = checks.log()

// Exactly the selected modules are pushed; a SNAPSHOT gets no latest, -Ddockyard.tags adds one.
['order-service', 'user-service', 'report-job'].each { m ->
  assert checks.tags("${ns}/${m}").sort() == ['2.0.0-SNAPSHOT', 'candidate'] : m
  assert checks.run("${checks.REGISTRY}/${ns}/${m}:candidate") == "${m} says hi"
}
assert checks.tags("${ns}/user-admin") == []
assert checks.tags("${ns}/legacy-billing") == []

// One line per skipped module, saying why and how to undo it.
assert log.contains("Skipping user-admin: excluded by -Ddockyard.modules entry '!user-admin'; remove '!user-admin' from -Ddockyard.modules")
assert log.contains("Skipping legacy-billing: not listed in -Ddockyard.modules=order-service,user-*,!user-admin,tools/report-job; add 'legacy-billing' to -Ddockyard.modules to build it")
assert log.contains('Skipping sel: pom packaging never becomes an image')

// Built two at a time, one summary at the end.
assert log.contains('with a thread count of 2')
assert log.count('dockyard summary:') == 1
return true
