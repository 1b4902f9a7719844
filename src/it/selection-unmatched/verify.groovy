def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("Module selection entry matches no image module: 'payment-*' at <modules> / -Ddockyard.modules; image modules are order-service, user-service, user-admin, legacy-billing, report-job; correct or remove the entry")
// Nothing was built or pushed: the check runs before any image work.
['order-service', 'user-service', 'user-admin', 'legacy-billing', 'report-job'].each { m ->
  assert checks.tags("it-selection-unmatched/${m}") == []
}
return true
