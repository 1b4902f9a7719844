def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
checks.ownNamespace('it-reltry')
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def marker = new File(basedir, 'proxy-turn/pom.xml')
marker.delete()
new File(basedir, 'turned.txt').delete()
faults.closeIfOpen(5613)
faults.open(port: 5613, rate: 0.0, kinds: ['503'], name: 'release-tagging-retries', lifetime: 600)
// Once zz-turn has run, every request through the session fails with 503 (at most 3 minutes).
Thread.startDaemon('release-tagging-retries-turn') {
  long deadline = System.currentTimeMillis() + 180_000L
  while (System.currentTimeMillis() < deadline && !marker.exists()) { Thread.sleep(20) }
  if (marker.exists()) {
    faults.configure(5613, [rate: 1.0])
    new File(basedir, 'turned.txt').text = "${System.currentTimeMillis()}\n"
  }
}
return true
