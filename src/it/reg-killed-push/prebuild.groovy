// Start a deploy, wait until the registry holds the first blobs of it, then kill -9 the build.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
// A repository of its own for every run: the registry keeps what earlier runs pushed. Both the
// killed build and the rerun read the namespace from .mvn/maven.config.
def namespace = "it-killed-${System.currentTimeMillis()}"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Ddockyard.namespace=${namespace}\n"
new File(basedir, 'namespace.txt').text = namespace
def repo = "${namespace}/push-me"
def state = System.getenv('DOCKYARD_TESTENV_DIR') ?: '/run/dockyard-test'
def layers = new File(state, "registry/data/docker/registry/v2/repositories/${repo}/_layers/sha256")

// 200 MB that does not compress: its layer takes seconds to build and push.
def big = new File(basedir, 'big/blob.bin')
big.parentFile.mkdirs()
def random = new Random(42)
big.withOutputStream { out ->
  byte[] chunk = new byte[1 << 20]
  200.times { random.nextBytes(chunk); out.write(chunk) }
}

// The IT's own Maven: under Maven 4 the super POM sets outputTimestamp, so a build on another
// Maven makes other layers and the rerun would have nothing to resume.
def mvn = new File(checks.mavenHome, 'bin/mvn').path
List<String> command = [mvn, '-B', 'clean', 'deploy', '-Dmaven.deploy.skip=true',
                        "-Dmaven.repo.local=${localRepositoryPath}".toString()]
def process = new ProcessBuilder(command).directory(basedir)
    .redirectErrorStream(true).redirectOutput(new File(basedir, 'killed-build.log')).start()

// Base layers are mounted first; the small layer is the first blob of our own.
def baseLayers = checks.manifest('base/java17', 'latest').layers*.digest.collect { it - 'sha256:' } as Set
def ours = { (layers.list() ?: []).findAll { !baseLayers.contains(it) } }
long deadline = System.currentTimeMillis() + 120_000
while (ours().isEmpty() && process.isAlive() && System.currentTimeMillis() < deadline) {
  Thread.sleep(20)
}
assert process.isAlive() : 'the first push finished before it could be killed; see killed-build.log'
assert !ours().isEmpty() : 'no blob of the image reached the registry within 2 minutes'
process.descendants().forEach { it.destroyForcibly() }
process.destroyForcibly()
process.waitFor()

// Killed half-way: some blobs are in, no tag points at the incomplete image.
assert checks.tags(repo) == []
new File(basedir, 'pushed-before-kill.txt').text = ours().collect { "sha256:${it}" }.join('\n')
return true
