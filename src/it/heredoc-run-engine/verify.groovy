import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def socket = System.getenv('DOCKER_HOST')
assert log.contains("Docker engine ${socket} (from DOCKER_HOST): Docker ") : 'the RUN heredocs go to the engine'

def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
def repository = 'it-heredoc/heredoc-run-engine'
assert report.engine == 'docker'
assert report.pushed == true
assert report.digest == checks.digest(repository, '1.0.0-SNAPSHOT')
// the rendered Dockerfile keeps the heredocs, valid input for a docker build with BuildKit
assert checks.file('target/dockyard/Dockerfile').text.contains("RUN <<-'EOF' cat > /app/script.sh")

def image = "${report.image}:1.0.0-SNAPSHOT"
['docker', 'rmi', image].execute().waitFor()
assert ['docker', 'pull', image].execute().waitFor() == 0
assert checks.run(image).readLines() == [
    'greeting=ahoy',          // RUN <<EOF: the content ran as the shell's script
    'alpha ahoy',             // RUN cat <<A: the shell expanded the unquoted heredoc
    'beta $GREETING',         // ... and not the quoted one
    'shebang /dev/pipes/EOF', // RUN <<EOF with #!: ran as an executable file
    'copied ahoy',            // COPY <<EOF: variables substituted
    'run by the-base-shell',  // RUN <<EOF on a base image whose config names a shell: that shell
    'from script: greeting=ahoy', // RUN <<-'EOF': tabs stripped, written unexpanded
]
return true
