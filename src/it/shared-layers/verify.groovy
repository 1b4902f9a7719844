def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = new File(basedir, 'namespace.txt').text.trim()
def a = checks.manifest("${ns}/service-a", '1.2.0')
def b = checks.manifest("${ns}/service-b", '1.2.0')
def base = checks.manifest('base/java17', 'latest')
def appLayers = { m -> m.layers.drop(base.layers.size()).collect { it.digest } }

// Jars that both services use (guava and failureaccess) share one layer, the same blob in both
// images; a jar only one service uses (commons-text) sits in that service's own layer.
// service-a's target/ is gone: the second run built service-b alone, after a clean.
def fb = new File(basedir, 'service-b/target/dockyard/app/layers').listFiles().collectEntries { [it.name, (it.list() as List).sort()] }
def sharedName = fb.keySet().find { it.startsWith('shared-2-') }
assert sharedName : "a layer shared by both services: ${fb}"
assert fb[sharedName].any { it.startsWith('guava-') } && fb[sharedName].any { it.startsWith('failureaccess-') }
assert fb['own'].any { it.startsWith('commons-text-') } && !fb[sharedName].any { it.startsWith('commons-text-') }
assert appLayers(a)[0] == appLayers(b)[0] : 'the shared layer is the same blob in both images'
def dockerfileB = checks.file('service-b/target/dockyard/Dockerfile').text
assert dockerfileB.contains("COPY target/dockyard/app/layers/${sharedName}/ /app/libs/")
assert dockerfileB.contains('COPY target/dockyard/app/layers/own/ /app/libs/')

// Building service-b alone gives the very same layers, shared one included.
assert checks.manifest("${ns}/service-b", 'alone').layers*.digest == b.layers*.digest

// The shared layer was mounted from service-a's repository, not uploaded again, and image.json
// counts it as shared.
def log = checks.log()
assert log =~ /Mounted [0-9.]+ MB of layers other modules pushed, instead of uploading them/
def guavaLayer = a.layers.drop(base.layers.size())[0].size
def baseBytes = base.layers.sum { it.size }
// The first run's summary: service-b's shared bytes count the base image and the mounted layer.
def rows = (log =~ /(?m)service-b\s+127\.0\.0\.1:5000\/${ns}\/service-b\s+\S+\s+pushed\s+sha256:\w+\s+([0-9.]+) MB\s+([0-9.]+) [kM]?B\s+([0-9.]+) MB/)
assert rows.size() == 2 : 'one summary row per run'
assert (rows[0][3] as double) * 1e6 >= baseBytes + guavaLayer - 1e5
// The second run built service-b alone: nothing to mount, only the base image is shared.
assert (rows[1][3] as double) * 1e6 < baseBytes + guavaLayer - 1e5
def reportB = new groovy.json.JsonSlurper().parse(checks.file('service-b/target/dockyard/image.json'))
assert reportB.shared == baseBytes

// The base image lives in the same registry: its layers were mounted into the new repositories
// ahead of jib, which therefore never downloaded them into the first run's cache.
assert (new File(basedir, "cache/layers").list() ?: new String[0]).length > 0 : 'the first run used its own cache'
def baseCached = (new File(basedir, "cache/base-layers/layers").list() ?: new String[0]) as List
assert baseCached.isEmpty() : "base layers were downloaded: ${baseCached}"

assert checks.run("${checks.REGISTRY}/${ns}/service-a:1.2.0") == 'service-a uses guava'
assert checks.run("${checks.REGISTRY}/${ns}/service-b:1.2.0") == 'service-b uses guava'
return true
