// Builds 2 and 3 (2 deploys through 20% faults, or -Ddockyard.it.faultDeploys) pushed the reference digests, every tag naming a
// complete image; every kind of fault was injected. Build 4 (every request fails) gave up within
// its 20 s of retries, named the registry, the failure and what to do, and moved no tag.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def services = (1..6).collect { "svc-${it}".toString() }
def run = checks.file('run.txt').text.trim()
// The suite runs 2 deploys through the 20% session (builds 2 and 3); -Ddockyard.it.faultDeploys=10
// on the outer build runs the others here, the same way, before the session closes.
int deploys = Integer.getInteger('dockyard.it.faultDeploys', 2)
if (deploys > 2) {
  (3..deploys).each { round ->
    def extra = checks.mvn(localRepositoryPath.path, "deploy-${round}.log",
        ['deploy', '-T', '3', '-Dmaven.deploy.skip=true', '-Ddockyard.registry=127.0.0.1:5611',
         '-Ddockyard.from=127.0.0.1:5611/base/java17:latest', "-Ddockyard.namespace=it-faults-${run}-r${round}".toString(),
         "-Ddockyard.baseImageCache=caches/r${round}/base-layers".toString()],
        [DOCKER_CONFIG: new File(basedir, 'docker-config').path])
    assert extra.exit == 0 : "deploy ${round} through 20% faults failed: " + extra.log.readLines().takeRight(30).join('\n')
  }
}
def some = faults.close(5611)
def all = faults.close(5612)
println "20% session: ${some.requests} requests, ${some.injected} faults injected: ${some.faults}"
println "100% session: ${all.requests} requests, ${all.injected} faults injected: ${all.faults}"
new File(basedir, 'faults.json').text = groovy.json.JsonOutput.toJson([some: some, all: all])

def reference = services.collectEntries { s -> [(s): faults.digest("it-faults-${run}-ref/${s}", '1.0.0')] }
assert reference.values().every { it?.startsWith('sha256:') } : "reference digests: ${reference}"
(1..deploys).each { round ->
  services.each { s ->
    def repository = "it-faults-${run}-r${round}/${s}"
    assert faults.digest(repository, '1.0.0') == reference[s] : "deploy ${round}: ${repository}:1.0.0"
    assert faults.digest(repository, 'latest') == reference[s] : "deploy ${round}: ${repository}:latest"
    assert faults.incomplete(repository) == []
  }
}
// Every kind of fault met, and survived, in those deploys.
some.faults.each { kind, n -> assert n > 0 : "no '${kind}' fault was injected in ${deploys} deploys" }
new File(basedir, 'deploys.txt').text = "${deploys} deploys through 20% faults, all with the reference digests\n"
// The proxy drew a fault for each request with probability `rate`: the count injected lies within
// four standard deviations of that expectation (a fixed 15 % failed one run in about a thousand at
// this session's size, with a proxy that did nothing wrong).
double expected = some.rate * some.requests
double sigma = Math.sqrt(some.requests * some.rate * (1 - some.rate))
assert some.injected >= expected - 4 * sigma : "${some.injected} faults in ${some.requests} requests at rate ${some.rate}"

// dockyard's own calls around jib's push that met a fault were made again alone, each saying which
// (about a dozen such faults per deploy: none at all in two deploys is out of reach of chance).
def log = checks.log()
def alone = (log =~ /Registry failure for 127\.0\.0\.1:5611\/\S+ \(.*\); attempt \d+ in [0-9.]+s, [a-z' ]+ again/).count
def over = (log =~ /Registry failure for 127\.0\.0\.1:5611\/\S+ .*, starting the image over/).count
def manifestOnly = (log =~ /Registry failure for 127\.0\.0\.1:5611\/\S+ \(.*\); every blob is up, the manifest is pushed on its own/).count
println "20% session: ${alone} calls made again alone, ${manifestOnly} manifests pushed on their own after a failed pass, ${over} images started over"
assert alone > 0 : 'no registry call was retried on its own'

// Build 4: the last build (build.log holds every build of this IT, in order).
def last = log.substring(Math.max(0, log.lastIndexOf('[INFO] Scanning for projects')))
def took = (last =~ /\[INFO\] Total time:\s+([0-9.:]+) (s|min)/)
assert took.find() : 'build 4 has no total time'
double seconds = took.group(2) == 's' ? took.group(1) as double :
    took.group(1).split(':').with { (it[0] as double) * 60 + (it[1] as double) }
println "build 4 gave up after ${seconds} s (registryRetryTime 20 s)"
new File(basedir, 'gave-up-after.txt').text = "${seconds}\n"
assert seconds < 60 : "build 4 took ${seconds} s to give up"
def error = last.readLines().find { it.contains('Registry 127.0.0.1:5612 kept failing: ') }
assert error : 'the error names the registry'
assert error.startsWith('[ERROR] Failed to execute goal dev.dockyard:dockyard-maven-plugin:') && error.contains(' on project svc-1: Registry 127.0.0.1:5612 kept failing: ')
assert error =~ /kept failing: '(HTTP (429|5\d\d)|SocketException: .*|ConnectionClosedException: .*|NoHttpResponseException: .*|timeout: .*|no complete answer within <registryRetryTime> \(20s\); the registry stalls|upload session lost \(\w+\))' while pushing 127\.0\.0\.1:5612\/it-faults-${run}-ref\/svc-1, retried for up to <registryRetryTime> \(20s\); check that the registry and any proxy in front of it are healthy, then rerun \(what was uploaded is kept and skipped\), or retry longer with -Ddockyard\.registryRetryTime=SECONDS/
// No tag moved: each still names the reference image, complete.
services.each { s ->
  def repository = "it-faults-${run}-ref/${s}"
  assert faults.digest(repository, '1.0.0') == reference[s] : "${repository}:1.0.0 moved"
  assert faults.digest(repository, 'latest') == reference[s] : "${repository}:latest moved"
  assert faults.incomplete(repository) == []
}
return true
