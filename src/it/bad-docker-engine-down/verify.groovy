def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
try { println "PROBE ${basedir.name} :: " + checks.failure() } catch (Throwable t) { println "PROBE ${basedir.name} !! " + t.message?.readLines()?.first() }
checks.log().readLines().findAll { it.startsWith('[ERROR] 0 of') }.each { println "PROBEL ${basedir.name} :: " + it }
def log = checks.log()
assert log.contains("No Docker engine answers at 'unix:///tmp/nonexistent.sock' (from DOCKER_HOST): No such file or directory; needed for down-service by RUN at src/main/docker/Dockerfile:3 (RUN executes commands in a container); looked at: DOCKER_HOST=unix:///tmp/nonexistent.sock; start the engine, or point DOCKER_HOST at a running one (unix:///var/run/docker.sock, or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or select a Docker context; without an engine, remove the instruction to build daemonless (-Ddockyard.engine=auto)")
assert !checks.file('target/dockyard/image.json').exists()
return true
