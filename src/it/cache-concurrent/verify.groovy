// What rounds.sh pushed: two deploys at the same time on one machine, sharing one cache folder
// (jib's base and application layer caches, the outputs record, the ledger of pushed layers).
import java.time.LocalTime

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.file('namespace.txt').text.trim()
def projects = ['alpha', 'beta']
int rounds = 5

// When dockyard began and ended in a build: from its first goal to the build's last line.
def dockyardSpan = { String log ->
  def lines = log.readLines().findAll { it ==~ /^\d\d:\d\d:\d\d\.\d\d\d .*/ }
  def time = { String line -> LocalTime.parse(line.substring(0, 12)) }
  [time(lines.find { it.contains('--- dockyard:') }), time(lines.last())]
}
def complete = { String repository, String digest ->
  def manifest = checks.manifest(repository, digest)
  (manifest.layers*.digest + [manifest.config.digest]).each { String blob ->
    HttpURLConnection c = (HttpURLConnection) new URL(
        "http://${checks.REGISTRY}/v2/${repository}/blobs/${blob}").openConnection()
    c.requestMethod = 'HEAD'
    assert c.responseCode == 200 : "${repository}@${digest} names blob ${blob}, which is missing"
  }
}

Map<String, List<String>> digests = [alpha: [], beta: []]
int overlapped = 0
(1..rounds).each { int round ->
  def logs = projects.collectEntries { [(it): checks.file("round-${round}-${it}.log").getText('UTF-8')] }
  def (a, b) = projects.collect { dockyardSpan(logs[it]) }
  if (a[0] < b[1] && b[0] < a[1]) overlapped++
  projects.each { project ->
    assert logs[project].contains("Pushed ${checks.REGISTRY}/${ns}/${project}@sha256:")
    assert !logs[project].contains('has the inputs of') : "round ${round}: ${project} reused as unchanged"
    String digest = checks.digest("${ns}/${project}", "round-${round}")
    complete("${ns}/${project}", digest)
    digests[project] << digest
  }
}
projects.each { assert digests[it].toSet().size() == rounds : "${it}: each round's content is a new image" }
// Two JVMs started together need not reach dockyard together: most rounds must have.
assert overlapped >= 3 : "only ${overlapped} of ${rounds} rounds ran dockyard in both builds at once"

// Each project alone, from the last round's content: the same digest as in the concurrent round.
projects.each { project ->
  assert !checks.file("alone-${project}.log").getText('UTF-8').contains('has the inputs of')
  String alone = checks.digest("${ns}-alone/${project}", "round-${rounds}")
  assert alone == digests[project][rounds - 1] : "${project}: alone ${alone}, concurrently ${digests[project][rounds - 1]}"
  assert checks.run("${checks.REGISTRY}/${ns}/${project}:round-${rounds}") == "${project} round ${rounds}"
}
checks.file('rounds.txt').text = "rounds ${rounds}, dockyard in both builds at once in ${overlapped}\n" +
    projects.collect { "${it}: ${digests[it].join(' ')}" }.join('\n') + '\n'
return true
