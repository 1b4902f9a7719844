def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def a = checks.manifest('it-layers/service-a', '1.2.0')
def b = checks.manifest('it-layers/service-b', '1.2.0')
def base = checks.manifest('base/java17', 'latest')
def appLayers = { m -> m.layers.drop(base.layers.size()).collect { it.digest } }

// One layer per groupId: the com.google.guava layer (guava and failureaccess) is the same blob in
// both services, while each service's small leftovers sit in a layer of its own.
assert appLayers(a)[0] == appLayers(b)[0] : 'the com.google.guava layer is shared'
assert appLayers(a)[1] != appLayers(b)[1] : 'the misc layers differ (commons-lang3 vs commons-text)'
assert checks.file('service-a/target/dockyard/Dockerfile').text.contains('COPY target/dockyard/app/layers/com.google.guava/ /app/libs/')

// The shared layer was mounted from service-a's repository, not uploaded again, and image.json
// counts it as shared.
def log = checks.log()
assert log =~ /Mounted [0-9.]+ MB of layers other modules pushed, instead of uploading them/
def reportB = new groovy.json.JsonSlurper().parse(checks.file('service-b/target/dockyard/image.json'))
def guavaLayer = a.layers.drop(base.layers.size())[0].size
def baseBytes = base.layers.sum { it.size }
assert reportB.shared >= baseBytes + guavaLayer
assert reportB.shared < reportB.size
assert log =~ /service-b\s+127\.0\.0\.1:5000\/it-layers\/service-b\s+1\.2\.0,latest\s+pushed\s+sha256:\w+\s+[0-9.]+ [kM]?B\s+[0-9.]+ [kM]?B\s+[0-9.]+ MB/

assert checks.run("${checks.REGISTRY}/it-layers/service-a:1.2.0") == 'service-a uses guava'
assert checks.run("${checks.REGISTRY}/it-layers/service-b:1.2.0") == 'service-b uses guava'
return true
