import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert !log.contains('Docker engine ') : 'COPY heredocs need no engine'

def report = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
def repository = 'it-heredoc/heredoc-copy-daemonless'
assert report.engine == 'jib' : 'built daemonless'
assert report.pushed == true
assert report.digest == checks.digest(repository, '1.0.0-SNAPSHOT')

def image = "${report.image}:1.0.0-SNAPSHOT"
assert checks.run(image).readLines() == [
    'raw: $APP_HOME',            // <<'EOF': copied as written
    'port=8080',                 // <<EOF: ARG substituted
    'home="/app" $kept',         // ENV substituted, quotes kept, \$ escaped
    '644 0:0 /app/app.conf',     // BuildKit's mode and owner for an inline file
    '755 1000:1000 /app/run.sh', // --chmod and --chown
]
return true
