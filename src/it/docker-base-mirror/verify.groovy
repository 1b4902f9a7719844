def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def repo = 'it-dmirror/docker-base-mirror'

// The engine built it (RUN), from the base image dockyard fetched through the mirror.
assert log =~ /Base image eclipse-temurin:17 loaded into the engine from 127\.0\.0\.2:5543\/hub\/library\/eclipse-temurin:17 \(<mirrors> sends /
assert log.contains('RUN echo "made by the engine" > /made.txt')
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0-SNAPSHOT") == 'made by the engine'

// The rendered Dockerfile keeps its own FROM line: plain docker build reads it as written.
assert checks.file('target/dockyard/Dockerfile').readLines()[0] == 'FROM eclipse-temurin:17'

// The engine holds the very image the mirror serves: its ID is the digest of the mirror's config.
Process p = ['docker', 'image', 'inspect', '--format', '{{.Id}}', 'eclipse-temurin:17'].execute()
StringBuffer out = new StringBuffer(), err = new StringBuffer()
p.waitForProcessOutput(out, err)
assert p.exitValue() == 0 : err
assert out.toString().trim() == checks.manifest('hub/library/eclipse-temurin', '17').config.digest

// The mirror's password never reaches the log.
checks.secrets().each { s -> assert !log.contains(s) : "the log holds a secret" }
return true
