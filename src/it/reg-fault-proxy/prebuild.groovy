def FaultProxy = evaluate(new File(basedir, '../../../src/it/lib/FaultProxy.groovy'))
// 127.0.0.1:5601 -> the plain registry; at most 3 minutes.
def proxy = FaultProxy.newInstance(5601, 5000, 5, 4, 1500L, 180_000L).start()
System.properties.put('dockyard.it.faultProxy', proxy)
return true
