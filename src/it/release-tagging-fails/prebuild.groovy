def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
checks.ownNamespace('it-reltag')
def FaultProxy = evaluate(new File(basedir, '../../../src/it/lib/FaultProxy.groovy'))
def marker = new File(basedir, 'proxy-stop/pom.xml')
marker.delete()
// No faults: only a registry that goes down when zz-stop has run; at most 3 minutes.
def proxy = FaultProxy.newInstance(5602, 5000, 0, 0, 0L, 180_000L).stopWhenExists(marker).start()
System.properties.put('dockyard.it.stoppingProxy', proxy)
return true
