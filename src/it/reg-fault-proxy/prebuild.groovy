// Writes the six services from template/, a run id of its own into the parent POM, and opens the
// fault proxy's sessions on 127.0.0.1:5611 (20% of requests fail) and 127.0.0.1:5612 (all fail).
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
(1..6).each { n ->
  def s = "svc-${n}"
  def dir = new File(basedir, s)
  new File(dir, 'src/main/docker').mkdirs()
  new File(dir, 'payload').mkdirs()
  new File(dir, 'pom.xml').text = new File(basedir, 'template/pom.xml').text.replace('SERVICE', s)
  new File(dir, 'src/main/docker/Dockerfile').text = new File(basedir, 'template/Dockerfile').text
  // A little data that does not compress: each upload carries a body the proxy can cut.
  byte[] noise = new byte[64 * 1024]
  new Random(n).nextBytes(noise)
  new File(dir, 'payload/noise.bin').bytes = noise
  new File(dir, 'payload/service.txt').text = "${s} through a flaky registry\n"
}
def run = "${System.currentTimeMillis()}"
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<faultRun>unset</faultRun>', "<faultRun>${run}</faultRun>")
new File(basedir, 'run.txt').text = run
// Sessions a crashed earlier run left open on these ports go first.
[5611, 5612].each { port -> faults.closeIfOpen(port) }
faults.open(port: 5611, rate: 0.2, seed: run.hashCode(), stall: 2, name: 'reg-fault-proxy 20%', lifetime: 1200)
faults.open(port: 5612, rate: 1.0, seed: 7, stall: 2, name: 'reg-fault-proxy 100%', lifetime: 1200)
return true
