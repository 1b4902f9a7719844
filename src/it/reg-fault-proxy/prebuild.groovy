// A reference push straight to the registry, then rounds 1 to 9 through a fault proxy session that
// fails 20% of the requests; every round pushes into fresh repositories, with a cache of its own,
// and must give the reference digests, with every tag naming a complete image. This build's
// invoker run is round 10 (.mvn/maven.config is left set up for it).
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def services = (1..6).collect { "svc-${it}".toString() }
services.each { s ->
  def dir = new File(basedir, s)
  new File(dir, 'src/main/docker').mkdirs()
  new File(dir, 'payload').mkdirs()
  new File(dir, 'pom.xml').text = new File(basedir, 'template/pom.xml').text.replace('SERVICE', s)
  new File(dir, 'src/main/docker/Dockerfile').text = new File(basedir, 'template/Dockerfile').text
  // A little incompressible data: each layer upload takes several requests' worth of bytes.
  def random = new Random(s.hashCode())
  byte[] noise = new byte[256 * 1024]
  random.nextBytes(noise)
  new File(dir, 'payload/noise.bin').bytes = noise
  new File(dir, 'payload/service.txt').text = "${s} through a flaky registry\n"
}
def run = "${System.currentTimeMillis()}"
new File(basedir, 'run.txt').text = run

/** The settings of one round: its registry, its own namespace and cache. */
def configure = { String registry, String round ->
  new File(basedir, '.mvn').mkdirs()
  new File(basedir, '.mvn/maven.config').text = [
      "-Ddockyard.registry=${registry}",
      "-Ddockyard.from=${registry}/base/java17:latest",
      "-Ddockyard.namespace=it-faults-${run}-${round}",
      "-Ddockyard.baseImageCache=${new File(basedir, "caches/${round}/base-layers")}",
  ].join('\n') + '\n'
  return "it-faults-${run}-${round}"
}
def digests = { services.collectEntries { s -> [(s): checks.file("${s}/target/dockyard/image.digest").text.trim()] } }

def refNamespace = configure('127.0.0.1:5000', 'ref')
def ref = checks.mvn(localRepositoryPath.toString(), 'reference.log', ['deploy', '-Dmaven.deploy.skip=true'])
assert ref.exit == 0 : 'the fault-free reference build failed; see reference.log'
def reference = digests()
new File(basedir, 'reference.txt').text = reference.collect { k, v -> "${k}=${v}" }.join('\n')

def session = faults.open(rate: 0.2, seed: 12, stall: 2, name: 'reg-fault-proxy')
int port = session.port as int
new File(basedir, 'session.txt').text = "${port}"
def registry = "127.0.0.1:${port}"
(1..9).each { round ->
  def namespace = configure(registry, "${round}")
  long started = System.currentTimeMillis()
  def result = checks.mvn(localRepositoryPath.toString(), "round-${round}.log", ['deploy', '-Dmaven.deploy.skip=true'])
  def seen = faults.stats(port)
  println "round ${round}: exit ${result.exit} in ${System.currentTimeMillis() - started} ms; proxy so far: ${seen.requests} requests, ${seen.faults}"
  assert result.exit == 0 : "round ${round} through 20% faults failed; see round-${round}.log"
  assert digests() == reference : "round ${round} pushed other digests than the fault-free build"
  services.each { s ->
    assert faults.digest("${namespace}/${s}", '1.0.0') == reference[s] : "${namespace}/${s}:1.0.0"
    assert faults.incomplete("${namespace}/${s}") == []
  }
}
configure(registry, '10')
new File(basedir, 'ref-namespace.txt').text = refNamespace
return true
