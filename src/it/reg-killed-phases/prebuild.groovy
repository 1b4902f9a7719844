// Deploys killed with kill -9 (six, or -Ddockyard.it.kills), each as its phase begins (layer building, blob upload, manifest
// writes, the end-of-reactor tagging, the cache and ledger writes), after a random 0-20 ms more.
// After every kill, through the registry API: no tag names a manifest whose blobs are missing.
// Every kill is followed by a rerun that must complete with tags naming what it built. Before the
// rerun after the ledger kill, the ledger, the jar membership cache and a kept reactor jar are
// damaged: the rerun must say it found them damaged, and rebuild them.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def namespace = checks.ownNamespace('it-killed-phases')
def cache = new File(basedir, 'cache')
new File(basedir, '.mvn/maven.config').append("-Ddockyard.baseImageCache=${new File(cache, 'base-layers')}\n")
def services = ['svc-a', 'svc-b']
def random = new Random(Long.getLong('dockyard.it.killSeed', System.currentTimeMillis()))

// svc-b carries 4 MB that do not compress: its layer takes a moment to upload.
def noise = new File(basedir, 'svc-b/src/main/resources/noise.bin')
noise.parentFile.mkdirs()

def markers = [
    layers  : ~/Building .+ layer/,
    blob    : ~/: pushing blob /,
    manifest: ~/Pushing manifest for /,
    tagging : ~/Moving tags at the end of the reactor/,
    cache   : ~/Writing the jar membership cache/,
    ledger  : ~/Writing the ledger of pushed layers/,
]
// Six kills, one per phase, keep the suite's time; -Ddockyard.it.kills=10 on the outer build runs the
// ten of the issue (each phase once, then layers, blob, manifest and tagging again).
def plan = ['layers', 'blob', 'manifest', 'tagging', 'cache', 'ledger', 'layers', 'blob', 'manifest', 'tagging']
    .take(Integer.getInteger('dockyard.it.kills', 6))
def mvn = new File(checks.mavenHome, 'bin/mvn').path
def command = [mvn, '-B', '-X', 'deploy', '-Dmaven.deploy.skip=true', "-Dmaven.repo.local=${localRepositoryPath}".toString()]

def complete = { String when ->
  services.each { s ->
    def missing = faults.incomplete("${namespace}/${s}")
    assert missing == [] : "${when}: a tag names an incomplete image: ${missing}"
  }
}
def report = []
// A kill aimed at a short phase (the manifest's ends with one request) may land in the next one:
// that target is tried again, at once after its marker, up to twice; every kill is still checked.
def queue = plan.collect { [target: it, again: 0] }
def hits = [] as Set
int round = 0
while (!queue.isEmpty()) {
  def aim = queue.remove(0)
  String target = aim.target
  round++
  // New content every round: each deploy has layers, blobs, a manifest and tags to push.
  services.each { s ->
    def file = new File(basedir, "${s}/src/main/resources/round.txt")
    file.parentFile.mkdirs()
    file.text = "round ${round}\n"
  }
  byte[] bytes = new byte[4 << 20]
  new Random(round).nextBytes(bytes)
  noise.bytes = bytes
  if (target == 'cache') {
    // The membership is kept once per set of dependencies: gone, the killed build writes it.
    new File(cache, 'membership').deleteDir()
  }
  def killedLog = new File(basedir, "killed-${round}.log")
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(killedLog).start()
  long delay = aim.again > 0 ? 0 : random.nextInt(21)
  long deadline = System.currentTimeMillis() + 120_000
  boolean seen = false
  long offset = 0
  String partial = ''
  while (!seen && process.isAlive() && System.currentTimeMillis() < deadline) {
    // Only what the log gained since the last look: an -X log grows fast.
    def raf = new RandomAccessFile(killedLog, 'r')
    byte[] gained = new byte[(int) Math.max(0, raf.length() - offset)]
    raf.seek(offset); raf.readFully(gained); raf.close()
    offset += gained.length
    def text = partial + new String(gained, 'UTF-8')
    int cut = text.lastIndexOf('\n')
    partial = cut < 0 ? text : text.substring(cut + 1)
    seen = cut >= 0 && text.substring(0, cut).readLines().any { it =~ markers[target] }
    if (!seen) Thread.sleep(5)
  }
  assert seen : "round ${round}: the build never reached the ${target} phase; see ${killedLog.name}"
  Thread.sleep(delay)
  process.descendants().forEach { it.destroyForcibly() }
  process.destroyForcibly()
  process.waitFor()
  // The phase the kill hit: the last phase the log had entered.
  def lines = killedLog.readLines()
  def hit = lines.findResults { line -> markers.find { k, v -> line =~ v }?.key }.last()
  boolean finished = lines.any { it.contains('BUILD SUCCESS') }
  complete("after kill ${round} (${hit})")

  if (target == 'ledger') {
    damageCaches(cache, new File(basedir, 'damaged.txt'))
  }
  def rerun = checks.mvn(localRepositoryPath.toString(), "rerun-${round}.log", ['deploy', '-Dmaven.deploy.skip=true'])
  assert rerun.exit == 0 : "rerun ${round} after a kill in phase ${hit} failed; see rerun-${round}.log"
  complete("after rerun ${round}")
  services.each { s ->
    def built = checks.file("${s}/target/dockyard/image.digest").text.trim()
    assert faults.digest("${namespace}/${s}", '1.0.0') == built : "rerun ${round}: ${s}:1.0.0"
  }
  if (target == 'ledger') {
    assert rerun.log =~ /\[WARNING\] Dropped \d+ damaged entries of the ledger of pushed layers .*pushed-layers\.tsv \(cut short or changed, their checksum fails\)/
    assert rerun.log =~ /\[WARNING\] Jar membership cache .*membership.*\.tsv is damaged \(cut short or changed, its seal fails\): not trusted, resolved again and rewritten/
  }
  def line = "kill ${round}: aimed at ${target} +${delay} ms, hit ${hit}${finished ? ' (the build had finished)' : ''}; rerun exit ${rerun.exit}"
  println line
  report << line
  hits << hit
  if (hit != target && !hits.contains(target) && aim.again < 2) {
    queue.add(0, [target: target, again: aim.again + 1])
  }
}
new File(basedir, 'kills.txt').text = report.join('\n') + '\n'
assert plan.toSet() == report.collect { (it =~ /hit (\w+)/)[0][1] }.toSet() : "phases hit: ${report}"
return true

/** Cuts the ledger's last line in half and changes another, cuts the membership file, and
 *  changes one byte of every kept reactor jar: what a kill or a full disk could leave. */
def damageCaches(File cache, File note) {
  def ledger = new File(cache, 'pushed-layers.tsv')
  def lines = ledger.readLines()
  assert lines.size() >= 2
  lines[0] = lines[0].replaceFirst(/\t(\d+)\t/, { all, n -> "\t${(n as long) + 1}\t" })
  lines[-1] = lines[-1].substring(0, lines[-1].length() / 2 as int)
  ledger.text = lines.join('\n')
  def membership = new File(cache, 'membership').listFiles().find { it.name.endsWith('.tsv') }
  membership.text = membership.text.substring(0, membership.text.length() - 20)
  def jars = []
  new File(cache, 'reactor-jars').eachFileRecurse { if (it.name.endsWith('.jar')) jars << it }
  assert !jars.isEmpty()
  jars.each { jar ->
    byte[] b = jar.bytes
    b[b.length.intdiv(2)] ^= 0x5a
    jar.bytes = b
  }
  note.text = "ledger ${ledger}\nmembership ${membership}\njars ${jars}\n"
}
