def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def reg = checks.REGISTRY
def services = ['catalog-service': 18081, 'order-service': 18082, 'user-service': 18083]

def docker = { List<String> args ->
  def p = (['docker'] + args).execute()
  def out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  [code: p.exitValue(), out: out.toString().trim(), err: err.toString().trim()]
}

services.each { name, port ->
  def image = "${reg}/it-boot/${name}:second"

  // Boot-faithful content: no devtools, no configuration processor; explicit classpath.
  def libs = docker(['run', '--rm', '--network', 'host', '--entrypoint', 'ls', image, '/app/libs'])
  assert libs.code == 0 : libs.err
  assert libs.out.contains('spring-boot-3.3.5.jar')
  assert !libs.out.contains('devtools') && !libs.out.contains('configuration-processor') : libs.out
  def config = checks.config("it-boot/${name}", 'second')
  assert config.config.WorkingDir == '/app'
  assert config.config.Entrypoint.last() ==~ /it\.boot\.\w+\.\w+Application/
  assert !config.config.Entrypoint.any { it.contains('/app/libs/*') } : 'explicit classpath'
  assert checks.env(config).SPRING_PROFILES_ACTIVE == 'docker'

  // Each service starts and answers on /actuator/health.
  def started = docker(['run', '-d', '--rm', '--network', 'host', image])
  assert started.code == 0 : started.err
  def id = started.out
  try {
    String health = null
    for (int i = 0; i < 90 && health == null; i++) {
      try {
        health = new URL("http://127.0.0.1:${port}/actuator/health").text
      } catch (IOException notYet) {
        Thread.sleep(1000)
      }
    }
    assert health != null && health.contains('"status":"UP"') : "${name}: ${docker(['logs', id]).out}"
    def logs = docker(['logs', id]).out
    if (name == 'order-service') {
      assert logs.contains('order seed apples,pears from /app/resources/data/seed.txt') : logs
    }
    if (name == 'catalog-service') {
      assert logs.contains('catalog database H2') : logs
    }
  } finally {
    docker(['rm', '-f', id])
  }

  // build-info.properties changed between the two runs: only the last layer differs.
  def first = checks.manifest("it-boot/${name}", 'first').layers*.digest
  def second = checks.manifest("it-boot/${name}", 'second').layers*.digest
  assert first.size() == second.size()
  assert first.last() != second.last() : 'build-info layer changed'
  assert first.subList(0, first.size() - 1) == second.subList(0, second.size() - 1) : 'all other layers kept'
}

// Services share their Spring layers in the registry, and no jar is stored twice: a jar sits in
// the one shared layer of exactly the services that use it, or in the own layer of the only
// service that does.
def placements = [:].withDefault { [] as Set }
services.keySet().each { service ->
  new File(basedir, "${service}/target/dockyard/app/layers").eachDir { layer ->
    layer.eachFile { jar ->
      placements[jar.name] << (layer.name.startsWith('shared-') ? layer.name : "${service}/${layer.name}")
    }
  }
}
placements.each { jar, layers -> assert layers.size() == 1 : "${jar} is in ${layers}" }
def layersOf = { name -> checks.manifest("it-boot/${name}", 'second').layers as List }
def base = checks.manifest('base/java17', 'latest').layers*.digest as Set
def orderLayers = layersOf('order-service')*.digest as Set
def userLayers = layersOf('user-service')*.digest as Set
assert (orderLayers.intersect(userLayers) - base).size() >= 1 : 'the Spring Boot layer is shared'
def appBlobs = services.keySet().collectMany { layersOf(it) }.findAll { !base.contains(it.digest) }.unique { it.digest }
def jarBytes = services.keySet().collectMany { service ->
  new File(basedir, "${service}/target/dockyard/app/libs").listFiles() as List
}.unique { it.name }.sum { it.length() }
def stored = appBlobs.sum { it.size }
assert stored <= jarBytes * 1.1 + 1_000_000 : "registry holds ${stored} bytes of layers for ${jarBytes} bytes of distinct jars"
return true
