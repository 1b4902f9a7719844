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

  String log() {
    return new File(basedir, 'build.log').getText('UTF-8')
  }

  File file(String path) {
    return new File(basedir, path)
  }
}
return new RegistryChecks(basedir)
