// --fail-at-end: lib-mid fails, svc-b and lib-last still build, svc-c (which uses lib-mid) is
// skipped by Maven; the images pushed by digest get no tag.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def log = checks.log()
assert log.contains('[ERROR] 0 of 3 images tagged: lib-mid failed; svc-c not built; no tag moved')
['svc-a', 'svc-b'].each { s ->
  assert log.contains("Pushed ${checks.REGISTRY}/${ns}/${s}@sha256:") : "${s} pushed its blobs"
}
['svc-a', 'svc-b', 'svc-c'].each { s -> assert checks.tags("${ns}/${s}") == [] : "${s}: a tag moved" }
assert log =~ /(?m)^\[INFO\]\s+lib-mid\s+failed$/
assert log =~ /(?m)^\[INFO\]\s+svc-c\s+not built$/
def release = checks.release()
assert release.outcome == 'not tagged'
assert release.modules.find { it.module == 'svc-a' }.status == 'not tagged'
assert release.modules.find { it.module == 'svc-c' }.status == 'not built'
assert release.modules.find { it.module == 'lib-last' }.status == 'skipped'
return true
