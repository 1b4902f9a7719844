import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def runs = checks.log().split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
def (serialLog, log) = runs
assert !serialLog.contains('with a thread count of')
assert log.contains('with a thread count of 4')
assert serialLog.contains('Tagged 12 images at the end of the reactor (24 tags)')
assert log.contains('Tagged 12 images at the end of the reactor (24 tags)')
def lines = []
(1..12).each { int i ->
  String name = String.format('svc-%02d', i)
  // Built again, not reused by its inputs.
  assert !serialLog.contains("it-pardig-serial/${name} has the inputs of") : name
  assert !log.contains("it-pardig-parallel/${name} has the inputs of") : name
  def image = new JsonSlurper().parse(checks.file("${name}/target/dockyard/image.json"))
  String serial = checks.digest("it-pardig-serial/${name}", '1.0.0')
  String parallel = checks.digest("it-pardig-parallel/${name}", '1.0.0')
  assert image.digest == parallel
  assert parallel == serial : "${name}: -T 4 ${parallel}, serial ${serial}"
  assert checks.digest("it-pardig-parallel/${name}", 'latest') == parallel
  lines << "${name} ${serial}"
}
assert checks.run("${checks.REGISTRY}/it-pardig-parallel/svc-12:1.0.0") == 'svc-12'
checks.file('digests.txt').text = lines.join('\n') + '\n'
return true
