def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "No Docker engine answers at 'unix:///tmp/nonexistent.sock' (from DOCKER_HOST): No such file or directory; needed for down-service by RUN at src/main/docker/Dockerfile:3 (RUN executes commands in a container); looked at: DOCKER_HOST=unix:///tmp/nonexistent.sock; start the engine, or point DOCKER_HOST at a running one (unix:///var/run/docker.sock, or tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or select a Docker context; without an engine, remove the instruction to build daemonless (-Ddockyard.engine=auto): java.net.SocketException: No such file or directory".toString()
assert !checks.file('target/dockyard/image.json').exists()
return true
