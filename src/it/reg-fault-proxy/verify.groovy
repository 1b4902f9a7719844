def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def proxy = System.properties.remove('dockyard.it.faultProxy')
proxy.stop()
def log = checks.log()
println "fault proxy: ${proxy.connections} connections, ${proxy.resets} reset, ${proxy.delays} delayed"
assert proxy.resets.get() >= 1 : 'the proxy reset connections during the build'
def report = new groovy.json.JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert log.contains("Pushed 127.0.0.1:5601/it-reg-fault/reg-fault-proxy@${report.digest} (new); tags 1.0.0-SNAPSHOT move at the end of the reactor")
assert log.contains('Tagged 1 image at the end of the reactor (1 tag') : 'the tag moved through the flaky proxy too'
assert report.pushed
// Read back without the proxy: the tag names a complete image with the built digest.
assert checks.digest('it-reg-fault/reg-fault-proxy', '1.0.0-SNAPSHOT') == report.digest
def manifest = checks.manifest('it-reg-fault/reg-fault-proxy', '1.0.0-SNAPSHOT')
manifest.layers.takeRight(2).each { layer ->
  assert checks.get("it-reg-fault/reg-fault-proxy/blobs/${layer.digest}", 'application/octet-stream').code == 200
}
assert checks.run('127.0.0.1:5000/it-reg-fault/reg-fault-proxy:1.0.0-SNAPSHOT') == 'pushed through a flaky network'
return true
