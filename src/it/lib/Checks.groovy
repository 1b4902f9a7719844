// What the invoker ITs check, the way a user would: the registry's API, `docker run`, the log.
// Loaded by each verify.groovy with: def checks = evaluate(new File(basedir, "../../../src/it/lib/Checks.groovy"))
import groovy.json.JsonSlurper

class RegistryChecks {
  static final String REGISTRY = System.getenv('DOCKYARD_IT_REGISTRY') ?: '127.0.0.1:5000'
  static final String ACCEPT = 'application/vnd.docker.distribution.manifest.v2+json,' +
      'application/vnd.oci.image.manifest.v1+json'

  File basedir
  /** The Maven that runs this IT: the build's own, or the one the maven-matrix profile names. */
  String mavenHome

  RegistryChecks(File basedir, String mavenHome) { this.basedir = basedir; this.mavenHome = mavenHome }

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

  /** The tags of a repository on the TLS + auth registry of the test environment, via curl. */
  List<String> tlsTags(String registry, String repository) {
    String user = new File("${TESTENV}/auth/username").text.trim()
    String password = new File("${TESTENV}/auth/password").text.trim()
    List<String> command = ['curl', '--noproxy', '*', '-sS', '--cacert', "${TESTENV}/certs/ca.crt",
        '-u', "${user}:${password}", '-w', '\n%{http_code}', "https://${registry}/v2/${repository}/tags/list"]
    Process p = command.execute()
    StringBuffer out = new StringBuffer(), err = new StringBuffer()
    p.waitForProcessOutput(out, err)
    List<String> lines = out.readLines()
    String code = lines ? lines[-1] : ''
    if (code == '404') return []
    assert code == '200' : "tags of ${registry}/${repository}: HTTP ${code} ${err}"
    return (new JsonSlurper().parseText(lines[0..-2].join('\n')).tags ?: []) as List<String>
  }

  /** The test registry password in every form an HTTP log could show it. */
  List<String> secrets() {
    String user = new File("${TESTENV}/auth/username").text.trim()
    String password = new File("${TESTENV}/auth/password").text.trim()
    return [password, "${user}:${password}".bytes.encodeBase64().toString(), password.bytes.encodeBase64().toString()]
  }

  /** Makes the machine's ledger of pushed layers forget the images it pushed to the namespace's
   *  repositories, so the next build of the same sources builds them again instead of reusing them
   *  by their inputs: what a test of reproducibility needs. */
  void forgetImages(String namespace,
      File ledger = new File(System.getProperty('user.home'), '.cache/dockyard/pushed-layers.tsv')) {
    if (!ledger.isFile()) {
      return
    }
    List<String> kept = ledger.readLines('UTF-8').findAll { String line ->
      String key = line.split('\t', -1).with { it.size() > 1 ? it[1] : '' }
      !(key.startsWith("image:${namespace}/") || key.startsWith("image-id:${namespace}/"))
    }
    ledger.setText(kept.collect { it + '\n' }.join(''), 'UTF-8')
  }

  String log() {
    return new File(basedir, 'build.log').getText('UTF-8')
  }

  /** The message of the goal that failed the build, from Maven's one line for it:
   *  {@code [ERROR] Failed to execute goal <plugin> (<execution>) on project <id>: <message> -> [Help 1]}. */
  String failure(String text = log()) {
    List<String> lines = text.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal ') }
    assert lines.size() == 1 : "one failed goal in the log, not ${lines.size()}"
    def m = lines[0] =~ /^\[ERROR\] Failed to execute goal \S+ \([^)]*\) on project [^:]+: (.*?)(?: -> \[Help 1\])?$/
    assert m.matches() : "not Maven's line of a failed goal: ${lines[0]}"
    return m.group(1)
  }

  /** Every form in which {@code secrets} (with {@code user}) show in {@code text}: plain, base64 of
   *  each and of user:secret (standard and URL-safe, with or without padding), URL-encoded, JSON-
   *  escaped, and inside any base64 run of the text once decoded (a header such as X-Registry-Auth). */
  List<String> leaks(String text, String user, List<String> secrets) {
    List<String> found = []
    secrets.findAll { it }.each { String secret ->
      Map<String, String> forms = [plain: secret,
          'url-encoded': URLEncoder.encode(secret, 'UTF-8'),
          'url-encoded (%20)': URLEncoder.encode(secret, 'UTF-8').replace('+', '%20'),
          'json-escaped': groovy.json.JsonOutput.toJson(secret)[1..-2]]
      [secret, "${user}:${secret}".toString()].each { String raw ->
        byte[] bytes = raw.getBytes('UTF-8')
        forms["base64 of ${raw == secret ? 'secret' : 'user:secret'}".toString()] =
            Base64.encoder.withoutPadding().encodeToString(bytes)
        forms["base64url of ${raw == secret ? 'secret' : 'user:secret'}".toString()] =
            Base64.urlEncoder.withoutPadding().encodeToString(bytes)
      }
      forms.each { String form, String value ->
        if (value.length() >= 6 && text.contains(value)) found << "${form} of a secret".toString()
      }
      (text =~ /[A-Za-z0-9+\/_-]{16,}={0,2}/).each { String run ->
        [Base64.decoder, Base64.urlDecoder].each { decoder ->
          try {
            // Padding is optional to Java's decoders; a run that is no base64 throws.
            String decoded = new String(decoder.decode(run.replaceAll('=+$', '')), 'UTF-8')
            if (decoded.contains(secret) || decoded.contains(groovy.json.JsonOutput.toJson(secret)[1..-2])) {
              found << "a secret inside base64 '${run.take(12)}...'".toString()
            }
          } catch (IllegalArgumentException ignored) {
          }
        }
      }
    }
    return found.unique()
  }

  /** A namespace of its own for every run (the registry keeps what earlier runs pushed), read
   *  by every build of this IT, the prebuild's and the invoker's, from .mvn/maven.config. */
  String ownNamespace(String prefix) {
    String namespace = "${prefix}-${System.currentTimeMillis()}"
    new File(basedir, '.mvn').mkdirs()
    new File(basedir, '.mvn/maven.config').text = "-Ddockyard.namespace=${namespace}\n"
    new File(basedir, 'namespace.txt').text = namespace
    return namespace
  }

  String namespace() {
    return new File(basedir, 'namespace.txt').text.trim()
  }

  /** Runs Maven in the IT's folder, as a user would between two releases; returns the exit code
   *  and the log, which is also kept in the named file. */
  Map mvn(String localRepository, String logName, List<String> args, Map<String, String> env = [:]) {
    String mvn = new File(mavenHome, 'bin/mvn').path
    List<String> command = [mvn, '-B', "-Dmaven.repo.local=${localRepository}".toString()] + args
    File logFile = new File(basedir, logName)
    ProcessBuilder builder = new ProcessBuilder(command).directory(basedir)
    // A null value removes the variable: each run names its one source of credentials.
    env.each { k, v -> if (v == null) builder.environment().remove(k) else builder.environment().put(k, v) }
    Process p = builder.redirectErrorStream(true).redirectOutput(logFile).start()
    int exit = p.waitFor()
    return [exit: exit, log: logFile.getText('UTF-8')]
  }

  /** Where the plain registry logs every request. */
  File registryLog() {
    return new File("${TESTENV}/logs/registry.log")
  }

  /** Requests that carried blob bytes into a repository (PATCH and PUT of an upload; a mount is a
   *  POST and carries none), logged after the given offset of the registry's log. */
  List<String> uploads(String repository, long offset) {
    return requests(repository, offset, ~/(PATCH|PUT) blobs\/uploads\//)
  }

  /** Requests to a repository logged after the given offset of the registry's log, whose method
   *  and path below the repository (as in "HEAD blobs/sha256:...") match the pattern. */
  List<String> requests(String repository, long offset, java.util.regex.Pattern pattern) {
    File file = registryLog()
    RandomAccessFile raf = new RandomAccessFile(file, 'r')
    try {
      raf.seek(offset)
      byte[] rest = new byte[(int) (raf.length() - offset)]
      raf.readFully(rest)
      def request = ~/"([A-Z]+) \/v2\/${java.util.regex.Pattern.quote(repository)}\/(\S+)/
      return new String(rest, 'UTF-8').readLines().findAll { line ->
        def m = line =~ request
        m.find() && ("${m.group(1)} ${m.group(2)}" =~ pattern).find()
      }
    } finally {
      raf.close()
    }
  }

  /** The release.json the last build wrote at the execution root. */
  Map release() {
    return new JsonSlurper().parse(new File(basedir, 'target/dockyard/release.json')) as Map
  }

  Map releaseModule(String module) {
    return release().modules.find { it.module == module } as Map
  }

  File file(String path) {
    return new File(basedir, path)
  }
}
return new RegistryChecks(basedir,
    binding.hasVariable('itMavenHome') ? itMavenHome.toString() : System.getProperty('maven.home'))
