// What the invoker ITs check, the way a user would: the registry's API, `docker run`, the log.
// Loaded by each verify.groovy with: def checks = evaluate(new File(basedir, "../../../src/it/lib/Checks.groovy"))
import groovy.json.JsonSlurper

class RegistryChecks {
  static final String REGISTRY = System.getenv('DOCKYARD_IT_REGISTRY') ?: '127.0.0.1:5000'
  static final String ACCEPT = 'application/vnd.docker.distribution.manifest.v2+json,' +
      'application/vnd.oci.image.manifest.v1+json'

  File basedir

  RegistryChecks(File basedir) { this.basedir = basedir }

  Map get(String path, String accept = 'application/json') {
    HttpURLConnection c = (HttpURLConnection) new URL("http://${REGISTRY}/v2/${path}").openConnection()
    c.setRequestProperty('Accept', accept)
    int code = c.responseCode
    String body = (code < 400 ? c.inputStream : c.errorStream)?.getText('UTF-8') ?: ''
    return [code: code, body: body, digest: c.getHeaderField('Docker-Content-Digest')]
  }

  List<String> tags(String repository) {
    Map r = get("${repository}/tags/list")
    if (r.code == 404) return []
    assert r.code == 200 : "tags of ${repository}: HTTP ${r.code} ${r.body}"
    return (new JsonSlurper().parseText(r.body).tags ?: []) as List<String>
  }

  Map manifest(String repository, String reference) {
    Map r = get("${repository}/manifests/${reference}", ACCEPT)
    assert r.code == 200 : "manifest ${repository}:${reference}: HTTP ${r.code} ${r.body}"
    Map m = new JsonSlurper().parseText(r.body) as Map
    m.digest = r.digest
    return m
  }

  String digest(String repository, String reference) {
    return manifest(repository, reference).digest
  }

  Map config(String repository, String reference) {
    Map m = manifest(repository, reference)
    Map r = get("${repository}/blobs/${m.config.digest}", 'application/octet-stream')
    assert r.code == 200 : "config blob of ${repository}:${reference}: HTTP ${r.code}"
    return new JsonSlurper().parseText(r.body) as Map
  }

  Map<String, String> env(Map config) {
    return (config.config.Env ?: []).collectEntries { String e ->
      int i = e.indexOf('='); [(e.substring(0, i)): e.substring(i + 1)]
    }
  }

  String run(String image, String... args) {
    List<String> command = ['docker', 'run', '--rm', '--network', 'host', image] + (args as List)
    Process p = command.execute()
    StringBuffer out = new StringBuffer(), err = new StringBuffer()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "${command.join(' ')} exited ${p.exitValue()}: ${out}${err}"
    return out.toString().trim()
  }

  static final String TESTENV = System.getenv('DOCKYARD_TESTENV_DIR') ?: '/run/dockyard-test'

  /** The manifest digest of an image on a TLS + auth registry of the test environment, via curl. */
  String tlsDigest(String registry, String repository, String reference) {
    String user = new File("${TESTENV}/auth/username").text.trim()
    String password = new File("${TESTENV}/auth/password").text.trim()
    List<String> command = ['curl', '--noproxy', '*', '-fsS', '-I', '--cacert', "${TESTENV}/certs/ca.crt",
        '-u', "${user}:${password}", '-H', "Accept: ${ACCEPT}",
        "https://${registry}/v2/${repository}/manifests/${reference}"]
    Process p = command.execute()
    StringBuffer out = new StringBuffer(), err = new StringBuffer()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "HEAD ${registry}/${repository}:${reference}: ${err}"
    String line = out.readLines().find { it.toLowerCase().startsWith('docker-content-digest:') }
    return line?.substring(line.indexOf(':') + 1)?.trim()
  }

  /** The test registry password in every form an HTTP log could show it. */
  List<String> secrets() {
    String user = new File("${TESTENV}/auth/username").text.trim()
    String password = new File("${TESTENV}/auth/password").text.trim()
    return [password, "${user}:${password}".bytes.encodeBase64().toString(), password.bytes.encodeBase64().toString()]
  }

  String log() {
    return new File(basedir, 'build.log').getText('UTF-8')
  }

  File file(String path) {
    return new File(basedir, path)
  }
}
return new RegistryChecks(basedir)
