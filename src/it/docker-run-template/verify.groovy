import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
def socket = System.getenv('DOCKER_HOST')
assert log.contains("Docker engine ${socket} (from DOCKER_HOST): Docker ") : 'the log names the engine'
assert log.contains("Build arg 'UNUSED_ARG' is not declared by any ARG in greeter/src/main/docker/Dockerfile; Docker ignores it")

def docker(List<String> args) {
  def p = (['docker'] + args).execute()
  def out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  return [code: p.exitValue(), out: out.toString().trim(), err: err.toString().trim()]
}

['greeter', 'staged', 'checked'].each { module ->
  def report = new JsonSlurper().parse(checks.file("${module}/target/dockyard/image.json"))
  def repository = "it-drun/${module}"
  assert report.image == "${checks.REGISTRY}/${repository}"
  assert report.engine == 'docker'
  assert report.pushed == true
  assert report.tags == ['1.0.0', 'latest']
  assert checks.tags(repository).sort() == ['1.0.0', 'latest']
  assert report.digest == checks.digest(repository, '1.0.0') : "image.json records the registry's digest"
  assert report.digest == checks.digest(repository, 'latest')
  assert checks.file("${module}/target/dockyard/image.digest").text.trim() == report.digest
  assert report.imageId == checks.manifest(repository, '1.0.0').config.digest
  // pulled back from the registry, not the engine's local copy
  docker(['rmi', "${report.image}:1.0.0", "${report.image}:latest"])
  assert docker(['pull', "${report.image}:1.0.0"]).code == 0
}

assert checks.run("${checks.REGISTRY}/it-drun/greeter:1.0.0") == 'ahoy world secret=false'
assert checks.run("${checks.REGISTRY}/it-drun/staged:1.0.0") == 'made in stage build'
assert checks.run("${checks.REGISTRY}/it-drun/checked:1.0.0") == 'checked up'

def health = checks.config('it-drun/checked', '1.0.0').config.Healthcheck
assert health.Test == ['CMD', '/bin/sh', '-c', 'test -d /app/classes']
assert health.Interval == 5000000000L
// the RUN step's output is streamed, with the module named
assert log.contains('[greeter] Step 6/7 : RUN echo "greeting=$GREETING"')
assert !log.contains('RUN exit 9') : 'the stage after <target> is not built'
return true
