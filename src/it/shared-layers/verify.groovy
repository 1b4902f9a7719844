def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = new File(basedir, 'namespace.txt').text.trim()
def a = checks.manifest("${ns}/service-a", '1.2.0')
def b = checks.manifest("${ns}/service-b", '1.2.0')
def base = checks.manifest('base/java17', 'latest')
def appLayers = { m -> m.layers.drop(base.layers.size()).collect { it.digest } }

// Jars that both services use (guava and failureaccess) share one layer, the same blob in both
// images; a jar only one service uses (commons-text) stays out of it.
// service-b's target/ is gone (the last run built service-a alone, after a clean); service-a's
// layout is the first run's: the reactor and its dependencies are the same.
def fa = new File(basedir, 'service-a/target/dockyard/app/layers').listFiles().collectEntries { [it.name, (it.list() as List).sort()] }
def sharedName = fa.keySet().find { it.startsWith('shared-2-') }
assert sharedName : "a layer shared by both services: ${fa}"
assert fa[sharedName].any { it.startsWith('guava-') } && fa[sharedName].any { it.startsWith('failureaccess-') }
assert !fa.values().flatten().any { it.startsWith('commons-text-') } : 'commons-text is service-b\'s alone'
assert appLayers(a)[0] == appLayers(b)[0] : 'the shared layer is the same blob in both images'
def dockerfileA = checks.file('service-a/target/dockyard/Dockerfile').text
assert dockerfileA.contains("COPY target/dockyard/app/layers/${sharedName}/ /app/libs/")

// Building service-b alone gives the very same layers, shared one included, whether selected with
// -Ddockyard.modules or with Maven's -pl.
assert checks.manifest("${ns}/service-b", 'alone').layers*.digest == b.layers*.digest
assert checks.manifest("${ns}/service-b", 'pl').layers*.digest == b.layers*.digest

// The shared layer was mounted from service-a's repository, not uploaded again, and image.json
// counts it as shared.
def log = checks.log()
def mountLines = (log =~ /Mounted [0-9.]+ MB of layers the registry already holds, instead of uploading them/)
assert mountLines.size() == 2 : 'service-b in the first run, service-a-again in the third'

def guavaLayer = a.layers.drop(base.layers.size())[0].size
def baseBytes = base.layers.sum { it.size }
// The first run's summary: service-b's shared bytes count the base image and the mounted layer.
def rows = (log =~ /(?m)service-b\s+127\.0\.0\.1:5000\/${ns}\/service-b\s+\S+\s+pushed\s+(?:new|changed|unchanged since latest)\s+sha256:\w+\s+([0-9.]+) MB\s+([0-9.]+) [kM]?B\s+([0-9.]+) MB/)
assert rows.size() == 3 : 'one summary row per run that built service-b'
assert (rows[0][3] as double) * 1e6 >= baseBytes + guavaLayer - 1e5
// The second run built service-b alone: nothing to mount, only the base image is shared.
assert (rows[1][3] as double) * 1e6 < baseBytes + guavaLayer - 1e5
assert Math.abs((rows[1][3] as double) * 1e6 - baseBytes) <= 1e5 : 'only the base image is shared'


// The base image lives in the same registry: its layers were mounted into the new repositories
// ahead of jib, which therefore never downloaded them into the first run's cache.
assert (new File(basedir, "cache/layers").list() ?: new String[0]).length > 0 : 'the first run used its own cache'
def baseCached = (new File(basedir, "cache/base-layers/layers").list() ?: new String[0]) as List
assert baseCached.isEmpty() : "base layers were downloaded: ${baseCached}"

// The third run pushed service-a to a new repository: the very same layers, all of them already
// in the registry (the first run's ledger knew where), so image.json counts them all as shared.
def again = checks.manifest("${ns}/service-a-again", '1.2.0')
assert again.layers*.digest == a.layers*.digest
def reportAgain = new groovy.json.JsonSlurper().parse(checks.file('service-a/target/dockyard/image.json'))
assert reportAgain.image.endsWith('/service-a-again')
assert reportAgain.shared == a.layers.sum { it.size } : "shared ${reportAgain.shared} of ${a.layers.sum { it.size }}"
def ledger = new File(basedir, 'cache/pushed-layers.tsv').readLines()
assert ledger.any { it.contains("${ns}/service-a-again") } : 'the ledger keeps where the layers are'

assert checks.run("${checks.REGISTRY}/${ns}/service-a:1.2.0") == 'service-a uses guava'
assert checks.run("${checks.REGISTRY}/${ns}/service-b:1.2.0") == 'service-b uses guava'
return true
