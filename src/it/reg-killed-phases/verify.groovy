// The last, clean rerun: tags name what it built, complete images that run; the kept reactor jars,
// damaged before one rerun, were written again with the content their name gives.
import java.security.MessageDigest
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
def namespace = checks.namespace()
['svc-a', 'svc-b'].each { s ->
  def built = checks.file("${s}/target/dockyard/image.digest").text.trim()
  assert checks.digest("${namespace}/${s}", '1.0.0') == built
  assert faults.incomplete("${namespace}/${s}") == []
  String last = checks.file("${s}/src/main/resources/round.txt").text.trim()
  assert checks.run("${checks.REGISTRY}/${namespace}/${s}:1.0.0") == "${s} survived the kills ${last}"
}
checks.file('cache/reactor-jars').eachFileRecurse { file ->
  if (file.name.endsWith('.jar')) {
    def sha = MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    assert file.parentFile.name == sha : "${file} holds other bytes than its name says"
  }
}
println checks.file('kills.txt').text
return true
