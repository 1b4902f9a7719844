// The test environment's registry fault proxy (scripts/fault-proxy.py, started by scripts/testenv):
// each IT opens a session of its own, a loopback port in front of a registry that fails the given
// share of requests, and checks through the registry API that no tag names an incomplete image.
// Loaded with: def faults = evaluate(new File(basedir, '../../../src/it/lib/FaultSessions.groovy'))
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class FaultProxySessions {
  static final String CONTROL = System.getenv('DOCKYARD_TEST_FAULT_PROXY') ?: '127.0.0.1:5690'
  static final String REGISTRY = System.getenv('DOCKYARD_IT_REGISTRY') ?: '127.0.0.1:5000'
  static final String ACCEPT = 'application/vnd.docker.distribution.manifest.v2+json,' +
      'application/vnd.oci.image.manifest.v1+json'

  private Map call(String method, String path, Map body = null) {
    HttpURLConnection c = (HttpURLConnection) new URL("http://${CONTROL}${path}").openConnection()
    c.requestMethod = method
    if (body != null) {
      c.doOutput = true
      c.outputStream.withStream { it.write(JsonOutput.toJson(body).getBytes('UTF-8')) }
    }
    int code = c.responseCode
    String text = (code < 400 ? c.inputStream : c.errorStream)?.getText('UTF-8') ?: ''
    assert code < 300 : "fault proxy ${method} ${path}: HTTP ${code} ${text}"
    return new JsonSlurper().parseText(text) as Map
  }

  /** Opens a session in front of the plain registry; returns its stats, with its port. */
  Map open(Map config) {
    return call('POST', '/sessions', [upstream: REGISTRY] + config)
  }

  Map stats(int port) { call('GET', "/sessions/${port}") }

  /** Changes a session's configuration, e.g. [rate: 1.0]. */
  Map configure(int port, Map config) { call('POST', "/sessions/${port}", config) }

  Map close(int port) { call('DELETE', "/sessions/${port}") }

  /** Closes the session on this port if one is open (left by a crashed run). */
  void closeIfOpen(int port) {
    HttpURLConnection c = (HttpURLConnection) new URL("http://${CONTROL}/sessions/${port}").openConnection()
    c.requestMethod = 'DELETE'
    c.responseCode
  }

  /** The digest a tag names, read past the proxy; null when the tag does not exist. */
  String digest(String repository, String tag) {
    Map r = get("${repository}/manifests/${tag}", 'HEAD')
    return r.code == 200 ? r.digest : null
  }

  /** The tags of a repository, read past the proxy. */
  List<String> tags(String repository) {
    Map r = get("${repository}/tags/list", 'GET')
    if (r.code == 404) return []
    return (new JsonSlurper().parseText(r.body).tags ?: []) as List<String>
  }

  /**
   * Every tag of the repository names a manifest whose config and layers the registry holds:
   * returns what is missing, empty when every image is complete.
   */
  List<String> incomplete(String repository) {
    List<String> missing = []
    tags(repository).each { tag ->
      Map m = get("${repository}/manifests/${tag}", 'GET')
      if (m.code != 200) { missing << "${repository}:${tag} manifest HTTP ${m.code}"; return }
      Map manifest = new JsonSlurper().parseText(m.body) as Map
      ([manifest.config] + manifest.layers).each { blob ->
        Map b = get("${repository}/blobs/${blob.digest}", 'HEAD')
        if (b.code != 200) missing << "${repository}:${tag} blob ${blob.digest} HTTP ${b.code}"
      }
    }
    return missing
  }

  private Map get(String path, String method) {
    HttpURLConnection c = (HttpURLConnection) new URL("http://${REGISTRY}/v2/${path}").openConnection()
    c.requestMethod = method
    c.setRequestProperty('Accept', ACCEPT)
    int code = c.responseCode
    String body = method == 'HEAD' ? '' : ((code < 400 ? c.inputStream : c.errorStream)?.getText('UTF-8') ?: '')
    return [code: code, body: body, digest: c.getHeaderField('Docker-Content-Digest')]
  }
}
return new FaultProxySessions()
