import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def before = new JsonSlurper().parse(checks.file('before.json'))
def log = checks.log()
def expected = ['s-one': 'changed', 's-two': 'changed', 's-three': 'changed', 's-four': 'unchanged',
    's-five': 'changed']

expected.each { s, change ->
  def module = checks.releaseModule(s)
  assert module.change == change : "${s}: ${module.change}"
  assert module.status == 'pushed'
  assert module.since == 'latest' && module.previousDigest == before.digests[s]
  assert module.tags == ['1.0.1', 'latest']
  def image = new JsonSlurper().parse(checks.file("${s}/target/dockyard/image.json"))
  assert image.change == change && image.previousDigest == before.digests[s]
  assert checks.digest("${ns}/${s}", '1.0.1') == image.digest
  assert log =~ /(?m)^\[INFO\]\s+${s}\s+\S+\s+1\.0\.1,latest\s+pushed\s+${change} since latest\s+sha256:/
}

// s-four is the very image of 1.0.0, though the version of the reactor and of util moved; it
// only gained tags: not one blob of it crossed the wire (the registry's log is the witness).
def four = checks.releaseModule('s-four')
assert four.digest == before.digests['s-four']
assert checks.tags("${ns}/s-four").sort() == ['1.0.0', '1.0.1', 'latest']
assert checks.uploads("${ns}/s-four", before.registryLogOffset as long) == []
assert checks.run("${checks.REGISTRY}/${ns}/s-four:1.0.1") == 'S-FOUR'

// A changed image goes through jib once: its manifest is put together from the blobs jib pushed,
// not pushed by a second pass, which would look for every blob again (the config's among them).
def one = checks.manifest("${ns}/s-one", '1.0.1')
def configChecks = checks.requests("${ns}/s-one", before.registryLogOffset as long,
    ~/^HEAD blobs\/${one.config.digest}/)
assert configChecks.size() == 1 : "s-one's config blob looked for ${configChecks.size()} times: ${configChecks}"

// The changed ones run their new code.
assert checks.run("${checks.REGISTRY}/${ns}/s-one:1.0.1") == 'one v2'
assert checks.run("${checks.REGISTRY}/${ns}/s-two:1.0.1") == 's-two common v2'
assert checks.digest("${ns}/s-two", '1.0.0') == before.digests['s-two'] : '1.0.0 is kept'
// s-five's own label names the version: it changes with every release, and the summary says why.
def why = 'changes with every version: label release carries 1.0.1'
assert checks.releaseModule('s-five').reason == why
assert log =~ /(?m)^\[INFO\]\s+s-five\s+.*changed since latest\s+sha256:.*${why}$/
['s-one', 's-two', 's-three'].each { s -> assert checks.releaseModule(s).reason == '' : "${s}: ${checks.releaseModule(s).reason}" }

// The reactor's jars carry no version: the same file name in 1.0.0 and 1.0.1.
def four1 = checks.config("${ns}/s-four", '1.0.1')
assert checks.file('s-four/target/dockyard/app/libs/util.jar').isFile()
return true
