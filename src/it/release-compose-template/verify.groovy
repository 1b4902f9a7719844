def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def log = checks.log()
def bundle = checks.file('target/dockyard/release')
def digest = checks.digest("${ns}/shop-tpl", '2.3.0')
def compose = new File(bundle, 'compose.yaml').text
// The second run, dockyard:compose, rewrote the bundle from release.json under its own name.
assert compose.contains("image: ${checks.REGISTRY}/${ns}/shop-tpl:2.3.0@${digest}")
assert compose.contains('container_name: shop-blue-shop')
assert compose.contains('SERVER_PORT: "7351"')
assert compose.contains('SPRING_PROFILES_ACTIVE: prod')
assert compose.contains('JAVA_OPTS: ${JAVA_OPTS:-}') : 'undotted placeholders are left for compose'
assert compose.startsWith('# The operators\' own compose file') : 'the template is kept as written'
assert new File(bundle, '.env').text.contains('COMPOSE_PROJECT_NAME=shop-blue')
assert new File(bundle, 'config/app.properties').text.trim() == 'profile=prod'
assert new File(bundle, 'gateway/upstreams.conf').text.contains('upstream shop-tpl {\n    server 127.0.0.1:7351;\n}')
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
assert runs[0].contains('Release bundle written to')
assert !runs[1].contains(':build (default)') : 'dockyard:compose builds nothing'
assert runs[1].contains("Release bundle written to ${bundle.canonicalPath}:")
// The real client reads the rendered file.
Process p = new ProcessBuilder(['docker-compose', 'config', '-q']).directory(bundle).redirectErrorStream(true).start()
String out = p.inputStream.getText('UTF-8')
assert p.waitFor() == 0 : "docker-compose config -q: ${out}"
return true
