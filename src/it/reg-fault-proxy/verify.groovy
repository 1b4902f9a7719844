// Round 10 checked as the others; then changed services pushed through a session that fails every
// request: the build gives up within -Ddockyard.registryRetryTime (20 s here) plus Maven's own
// time, names the registry, the failure and what to do, and no tag moved.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def services = (1..6).collect { "svc-${it}".toString() }
def run = checks.file('run.txt').text.trim()
def reference = checks.file('reference.txt').text.readLines().collectEntries { it.split('=', 2) as List }
int port = checks.file('session.txt').text.trim() as int

def namespace = "it-faults-${run}-10"
services.each { s ->
  assert checks.file("${s}/target/dockyard/image.digest").text.trim() == reference[s] : "round 10: ${s}"
  assert faults.digest("${namespace}/${s}", '1.0.0') == reference[s]
  assert faults.incomplete("${namespace}/${s}") == []
}
def seen = faults.close(port)
println "20% session: ${seen.requests} requests, ${seen.injected} faults injected: ${seen.faults}"
// Every kind was met, and survived, across the 10 rounds.
seen.faults.each { kind, n -> assert n > 0 : "no '${kind}' fault was injected in 10 rounds" }
new File(basedir, 'faults-20.json').text = groovy.json.JsonOutput.toJson(seen)

// Every request fails: changed content, pushed to the reference repositories' tags.
def refNamespace = checks.file('ref-namespace.txt').text.trim()
services.each { s -> checks.file("${s}/payload/service.txt").text = "${s} changed\n" }
def all = faults.open(rate: 1.0, seed: 7, stall: 2, name: 'reg-fault-proxy 100%')
int allPort = all.port as int
new File(basedir, '.mvn/maven.config').text = [
    "-Ddockyard.registry=127.0.0.1:${allPort}",
    "-Ddockyard.from=127.0.0.1:${allPort}/base/java17:latest",
    "-Ddockyard.namespace=${refNamespace}",
    "-Ddockyard.baseImageCache=${checks.file('caches/all/base-layers')}",
    '-Ddockyard.registryRetryTime=20',
].join('\n') + '\n'
long started = System.currentTimeMillis()
def failed = checks.mvn(localRepositoryPath.toString(), 'all-faults.log', ['deploy', '-Dmaven.deploy.skip=true'])
long took = System.currentTimeMillis() - started
def allSeen = faults.close(allPort)
println "100% session: build exit ${failed.exit} after ${took} ms; ${allSeen.requests} requests, ${allSeen.faults}"
new File(basedir, 'faults-100.txt').text = "${took}\n"
assert failed.exit != 0
// 20 s of retries, plus Maven's start and the module's planning: well under a minute.
assert took < 60_000 : "the build took ${took} ms to give up"
def error = failed.log.readLines().find { it.startsWith('[ERROR] Registry 127.0.0.1:' + allPort + ' kept failing:') }
assert error : 'the error names the registry; see all-faults.log'
assert error.contains("retried for up to <registryRetryTime> (20s); check that the registry and any proxy in front of it are healthy, then rerun (what was uploaded is kept and skipped), or retry longer with -Ddockyard.registryRetryTime=SECONDS")
assert error =~ /kept failing: '(HTTP (429|5\d\d)|.*Exception.*|timeout.*|no complete answer.*|upload session lost.*)' while pushing 127\.0\.0\.1:${allPort}\/${refNamespace}\/svc-\d/
// No tag moved: every tag still names the fault-free build's image, complete.
services.each { s ->
  assert faults.digest("${refNamespace}/${s}", '1.0.0') == reference[s] : "${refNamespace}/${s}:1.0.0 moved"
  assert faults.incomplete("${refNamespace}/${s}") == []
}
return true
