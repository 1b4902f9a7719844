// Two deploys of different projects at the same time on one machine, sharing one cache folder:
// jib's base and application layer caches, the outputs record and the ledger of pushed layers. The
// folder is fresh for this run, so round 1 also races on writing the base image's layers. Each
// round changes both projects' content, so neither build can skip as unchanged.
import groovy.json.JsonSlurper
import java.time.LocalTime
import java.util.concurrent.TimeUnit

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = "it-concurrent-${System.currentTimeMillis()}"
def cache = new File(basedir, 'shared-cache/base-layers')
def mvn = new File(checks.mavenHome, 'bin/mvn').path
def projects = ['alpha', 'beta']
int rounds = 5

def start = { String project, String namespace, String logName ->
  List<String> command = [mvn, '-B', "-Dmaven.repo.local=${localRepositoryPath}".toString(),
      'deploy', '-Dmaven.deploy.skip=true', "-Ddockyard.namespace=${namespace}".toString(),
      "-Ddockyard.baseImageCache=${cache}".toString(),
      '-Dorg.slf4j.simpleLogger.showDateTime=true',
      '-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS']
  new ProcessBuilder(command).directory(new File(basedir, project))
      .redirectErrorStream(true).redirectOutput(new File(basedir, logName)).start()
}
def finish = { Process process, String logName ->
  assert process.waitFor(300, TimeUnit.SECONDS) : "${logName}: still running after 5 minutes"
  assert process.exitValue() == 0 : "the build failed; see ${logName}"
  return new File(basedir, logName).getText('UTF-8')
}
def content = { String project, int round ->
  new File(basedir, "${project}/src/main/resources/round.txt").text = "${project} round ${round}\n"
}
def pushed = { String project ->
  def image = new JsonSlurper().parse(new File(basedir, "${project}/target/dockyard/image.json"))
  assert image.pushed
  return image.digest as String
}
// When dockyard began and ended in a build: from its first goal to the end of the build.
def dockyardSpan = { String log ->
  def lines = log.readLines()
  def time = { String line -> LocalTime.parse(line.substring(0, 12)) }
  [time(lines.find { it.contains('--- dockyard:') }), time(lines.findAll { it ==~ /^\d\d:.*/ }.last())]
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
  projects.each { content(it, round) }
  def processes = projects.collectEntries { [(it): start(it, ns, "round-${round}-${it}.log")] }
  def logs = projects.collectEntries { [(it): finish(processes[it], "round-${round}-${it}.log")] }
  def (a, b) = projects.collect { dockyardSpan(logs[it]) }
  if (a[0] < b[1] && b[0] < a[1]) overlapped++
  projects.each { project ->
    assert logs[project].contains("Pushed ${checks.REGISTRY}/${ns}/${project}")
    assert !logs[project].contains('has the inputs of') : "round ${round}: ${project} skipped as unchanged"
    String digest = pushed(project)
    assert checks.digest("${ns}/${project}", '1.0.0-SNAPSHOT') == digest
    complete("${ns}/${project}", digest)
    digests[project] << digest
  }
}
projects.each { assert digests[it].toSet().size() == rounds : "${it}: each round's content is a new image" }
// Timing alone does not make two JVMs overlap: most rounds must have had both in dockyard at once.
assert overlapped >= 3 : "only ${overlapped} of ${rounds} rounds ran dockyard in both builds at once"

// Each project alone, from the first and the last round's content: the same digests.
[1, rounds].each { int round ->
  projects.each { project ->
    content(project, round)
    finish(start(project, "${ns}-alone", "alone-${round}-${project}.log"), "alone-${round}-${project}.log")
    assert pushed(project) == digests[project][round - 1] :
        "${project} round ${round}: built alone ${pushed(project)}, concurrently ${digests[project][round - 1]}"
  }
}
projects.each { project ->
  assert checks.run("${checks.REGISTRY}/${ns}/${project}:1.0.0-SNAPSHOT") == "${project} round ${rounds}"
}
new File(basedir, 'rounds.txt').text = "rounds ${rounds}, both in dockyard at once in ${overlapped}\n" +
    projects.collect { "${it}: ${digests[it].join(' ')}" }.join('\n') + '\n'
return true
