// Runs a build with -X for every source of registry credentials dockyard has, and checks that no
// log shows a secret in any encoding (plain, base64 of user:secret, URL-encoded, JSON-escaped, or
// inside a base64 header such as X-Registry-Auth), nor a bearer token the token server issued.
import groovy.json.JsonOutput

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
String testenv = System.getenv('DOCKYARD_TESTENV_DIR') ?: '/run/dockyard-test'
String user = new File("${testenv}/auth/username").text.trim()
String password = new File("${testenv}/auth/password").text.trim()
String identityToken = new File("${testenv}/auth/identity-token").text.trim()
String account = new File("${testenv}/auth/token-accounts").readLines()[0]
String user2 = account.substring(0, account.indexOf(':'))
String password2 = account.substring(account.indexOf(':') + 1)
File issued = new File("${testenv}/auth/issued-tokens")
long issuedBefore = issued.length()
String helpers = "${testenv}/bin"
String tls = '127.0.0.1:5443', token = '127.0.0.1:5643'

def config = { String name, Map json ->
  File dir = new File(basedir, name)
  dir.mkdirs()
  new File(dir, 'config.json').text = JsonOutput.toJson(json)
  return dir.path
}
def xml = { String s -> s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;') }
new File(basedir, 'settings-plain.xml').text =
    "<settings><servers><server><id>${tls}</id><username>${user}</username><password>${xml(password)}</password></server></servers></settings>"
new File(basedir, 'settings-token.xml').text =
    "<settings><servers><server><id>${token}</id><username>${user2}</username><password>${xml(password2)}</password></server></servers></settings>"
File passwordFile = new File(basedir, 'registry-password')
passwordFile.text = password + '\n'
String empty = new File(basedir, 'docker-config-empty').path
String path = "${helpers}:${System.getenv('PATH')}"
String b64 = "${user}:${password}".bytes.encodeBase64().toString()
Map none = [DOCKYARD_REGISTRY_USERNAME: null, DOCKYARD_REGISTRY_PASSWORD: null, DOCKYARD_REGISTRY_PASSWORD_FILE: null, DOCKER_CONFIG: empty]

// source: [registry, extra Maven arguments, environment, the source the log must name]
Map runs = [
  'settings-plain': [tls, ['-gs', 'settings-plain.xml'], [:], "settings.xml <server> '${tls}'"],
  'environment-file': [tls, [], [DOCKYARD_REGISTRY_USERNAME: user, DOCKYARD_REGISTRY_PASSWORD_FILE: passwordFile.path],
      "environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD_FILE '${passwordFile.path}'"],
  // Maven's -X prints every environment variable (maven-resources-plugin's "properties used"):
  // that dump is left out of this run's check, dockyard's own output is not.
  'environment': [tls, [], [DOCKYARD_REGISTRY_USERNAME: user, DOCKYARD_REGISTRY_PASSWORD: password],
      'environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD'],
  'auths': [tls, [], [DOCKER_CONFIG: config('dc-auths', [auths: [(tls): [auth: b64]]])],
      "Docker config ${basedir}/dc-auths/config.json (auths '${tls}')"],
  'credHelpers': [tls, [], [PATH: path, DOCKER_CONFIG: config('dc-helpers', [credHelpers: [(tls): 'dockyard-test']])],
      'Docker credential helper docker-credential-dockyard-test (credHelpers in'],
  'credsStore': [tls, [], [PATH: path, DOCKER_CONFIG: config('dc-store', [credsStore: 'dockyard-test'])],
      'Docker credential helper docker-credential-dockyard-test (credsStore in'],
  'identity-token': [token, [], [DOCKER_CONFIG: config('dc-identity', [auths: [(token): [identitytoken: identityToken]]])],
      "Docker config ${basedir}/dc-identity/config.json (auths '${token}' identitytoken)"],
  'bearer-token': [token, ['-gs', 'settings-token.xml'], [:], "settings.xml <server> '${token}'"],
  'docker-engine': [tls, ['-Ddockyard.engine=docker'], [DOCKYARD_REGISTRY_USERNAME: user, DOCKYARD_REGISTRY_PASSWORD_FILE: passwordFile.path],
      "environment DOCKYARD_REGISTRY_USERNAME/DOCKYARD_REGISTRY_PASSWORD_FILE '${passwordFile.path}'"],
]

// Each run in a copy of the project of its own, three at a time: they share only the registry.
Map<String, String> logs = (['settings-encrypted': checks.log()] as Map).asSynchronized()
def pool = java.util.concurrent.Executors.newFixedThreadPool(3)
List failures = [].asSynchronized()
runs.each { String source, List run ->
  pool.submit {
    try {
      def (String registry, List extra, Map env, String named) = run
      File copy = new File(basedir, "runs/${source}")
      copy.deleteDir() // a copy an earlier run of this IT left behind
      java.nio.file.Path from = basedir.toPath()
      ['pom.xml', 'src'].each { String top ->
        java.nio.file.Files.walk(from.resolve(top)).forEach { java.nio.file.Path p ->
          java.nio.file.Path to = copy.toPath().resolve(from.relativize(p).toString())
          if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to)
          else { java.nio.file.Files.createDirectories(to.parent); java.nio.file.Files.copy(p, to) }
        }
      }
      extra.eachWithIndex { String arg, int i -> if (arg.endsWith('.xml')) extra[i] = new File(basedir, arg).path }
      // Not installed: three builds writing one artifact's metadata into one local repository at
      // once may read each other's half-written file.
      List args = ['-X', '-f', new File(copy, 'pom.xml').path] + extra +
          ['deploy', '-Dmaven.deploy.skip=true', '-Dmaven.install.skip=true',
           "-Ddockyard.registry=${registry}".toString()]
      def result = checks.mvn(localRepositoryPath.toString(), "build-${source}.log", args, none + env)
      assert result.exit == 0 : "the ${source} build failed: build-${source}.log"
      String who = source == 'identity-token' ? '<token>' : (source == 'bearer-token' ? user2 : user)
      assert result.log.contains("Registry ${registry}: using credentials of '${who}' from ${named}") : "${source}: the source is named"
      assert result.log.contains("Pushed ${registry}/it-secrets/secrets-debug-log:1.0.0-SNAPSHOT") : "${source}: pushed"
      logs[source] = result.log
    } catch (Throwable t) {
      failures << t
    }
  }
}
pool.shutdown()
assert pool.awaitTermination(15, java.util.concurrent.TimeUnit.MINUTES)
if (failures) throw failures[0]
assert logs['settings-encrypted'].contains("Registry ${tls}: using credentials of '${user}' from settings.xml <server> '${tls}'")

List<String> tokens = issued.exists() ? new String(issued.bytes[(int) issuedBefore..<(int) issued.length()] as byte[], 'UTF-8').readLines() : []
assert tokens.size() >= 2 : 'the token server issued the bearer tokens of the identity-token and bearer-token runs'
List<String> secrets = [password, password2, identityToken, '{hwilxyKqKrAHBsx9Z46NM0FutFI1m//nw0jvSPJEP3E=}'] + tokens
int found = 0
logs.each { String source, String text ->
  assert text.contains('[DEBUG]') : "${source} ran with -X"
  if (source == 'environment') {
    String dump = '[DEBUG] env.DOCKYARD_REGISTRY_PASSWORD: '
    assert text.readLines().findAll { it.contains(password) }.every { it == dump + password } : 'only Maven prints the variable'
    text = text.readLines().findAll { !it.startsWith(dump) }.join('\n')
  }
  List<String> leaks = checks.leaks(text, user, secrets) + checks.leaks(text, user2, [password2])
  found += leaks.size()
  assert leaks.isEmpty() : "the ${source} log (-X) shows ${leaks}"
}
println "secrets-debug-log: ${logs.size()} credential sources with -X, ${tokens.size()} bearer tokens issued, ${found} secrets found in the logs"
return true
