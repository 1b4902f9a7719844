def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
System.properties.remove('dockyard.it.stoppingProxy')?.stop()
def ns = checks.namespace()
def log = checks.log()
def reg = checks.REGISTRY
def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2

// The first run: svc-a's tags moved, svc-b's registry was gone: the error says exactly that.
assert runs[0] =~ /\[ERROR\] Tagging the release failed at 127\.0\.0\.1:5602\/${ns}\/svc-b@sha256:\w+: .*; tags moved: ${reg}\/${ns}\/svc-a:1\.0\.0, ${reg}\/${ns}\/svc-a:latest; tags not moved: 127\.0\.0\.1:5602\/${ns}\/svc-b:1\.0\.0, 127\.0\.0\.1:5602\/${ns}\/svc-b:latest; rerun mvn deploy to complete them/
assert runs[0] =~ /(?m)^\[INFO\]\s+svc-b\s+\S+\s+1\.0\.0,latest\s+not tagged\s+new\s+sha256:\w+.*tagging failed$/
assert runs[0].contains('BUILD FAILURE')

// The rerun completes the release: svc-b carries its tags, svc-a is unchanged.
assert runs[1].contains('Tagged 2 images at the end of the reactor (4 tags)')
assert runs[1].contains('BUILD SUCCESS')
['svc-a', 'svc-b'].each { s ->
  def image = new groovy.json.JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert checks.tags("${ns}/${s}").sort() == ['1.0.0', 'latest'] : s
  assert checks.digest("${ns}/${s}", 'latest') == image.digest
}
assert checks.releaseModule('svc-a').change == 'unchanged'
assert checks.release().outcome == 'tagged'
assert checks.run("${reg}/${ns}/svc-b:1.0.0") == 'svc-b'
return true
