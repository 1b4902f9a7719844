def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def repo = "${checks.file('namespace.txt').text}/push-me"
def log = checks.log()

// The rerun completed: every tag, the recorded digest, and the image runs.
assert checks.tags(repo).sort() == ['1.0.0', 'latest']
assert checks.file('target/dockyard/image.digest').text.trim() == checks.digest(repo, '1.0.0')
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0") == 'pushed after a kill'

// Blobs the killed push had sent were not uploaded again.
def before = checks.file('pushed-before-kill.txt').text.readLines().findAll { it }
assert !before.isEmpty()
before.each { digest ->
  assert log.contains("BLOB already exists on target registry") && log =~ /already exists on target registry.*${digest}/ : "${digest} uploaded again"
}
return true
