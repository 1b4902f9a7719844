def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def stats = faults.close(5613)
def ns = checks.namespace()
def log = checks.log()
def proxy = '127.0.0.1:5613'
assert new File(basedir, 'turned.txt').exists() : 'the session never turned to 503'
println "fault session: ${stats}"

// Both images were pushed by digest before the registry turned; then every tagging call failed.
['svc-a', 'svc-b'].each { s ->
  assert log =~ /Pushed ${proxy.replace('.', '\\.')}\/${ns}\/${s}@sha256:\w+ \(new\); tags 1\.0\.0,latest move at the end of the reactor/
}
// Each image's tagging calls are retried on its budget; each image gives up once, saying why.
['svc-a', 'svc-b'].each { s ->
  def image = "${proxy}/${ns}/${s}"
  def givingUp = log.readLines().findAll { it.contains("Giving up on ${image} after") }
  assert givingUp.size() == 1 : "${s} gave up ${givingUp.size()} times:\n${givingUp.join('\n')}"
  assert givingUp[0].contains('within <registryRetryTime> (6s): HTTP 503')
  assert log.count("Registry failure for ${image} (HTTP 503") >= 2 : "${s} was retried"
}
assert log =~ /\[ERROR\] Tagging the release failed at .*tags moved: none/ ||
    log =~ /\[ERROR\] Tagging the release failed at [^;]*: [^\n]*tags not moved: /
assert log.contains('BUILD FAILURE')

// No tag moved: the first release of both services has no tag in the registry (read past the proxy).
['svc-a', 'svc-b'].each { s -> assert checks.tags("${ns}/${s}") == [] : s }
assert checks.release().outcome != 'tagged'
return true
