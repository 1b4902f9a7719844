def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def repo = 'it-repro/repro-app'
def first = checks.digest(repo, 'first')
def second = checks.digest(repo, 'second')
assert first == second : "same sources, same digest: ${first} vs ${second}"
assert checks.digest(repo, '0.9.0-SNAPSHOT') == second
assert checks.file('app/target/dockyard/image.digest').text.trim() == second

// Creation time and file times come from project.build.outputTimestamp.
def config = checks.config(repo, 'second')
assert config.created == '2023-03-03T03:03:03Z'
// The ENV the POM sets comes after the base image's, in the order it is set (jib-core alone would
// write VERSION first), in the pushed image and in the tarball whose digest it was checked against.
def env = config.config.Env.collect { it.substring(0, it.indexOf('=')) }
assert env.takeRight(2) == ['APP_HOME', 'VERSION'] : env
assert checks.file('app/target/dockyard/Dockerfile').text.readLines().findAll { it.startsWith('ENV ') }
    .collect { it.substring(4, it.indexOf('=')) } == ['APP_HOME', 'VERSION']
assert checks.run("${checks.REGISTRY}/${repo}:second") == 'answer=42'
// The snapshot dependency sits in its own layer, apart from release jars, resources and classes.
def manifest = checks.manifest(repo, 'second')
def base = checks.manifest('base/java17', 'latest')
assert manifest.layers.size() == base.layers.size() + 3
// ${dockyard.libs} holds every runtime jar, the SNAPSHOT library included, for templates.
// A reactor module's jar goes in without its version, so a version bump alone changes nothing.
assert checks.file('app/target/dockyard/app/libs/repro-lib.jar').isFile()
assert checks.file('app/target/dockyard/app/snapshot-libs/repro-lib.jar').isFile()
assert !checks.file('app/target/dockyard/app/libs/repro-lib-0.9.0-SNAPSHOT.jar').exists()
return true
