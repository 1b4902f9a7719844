import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = checks.namespace()
def log = checks.log()
def releases = new File(basedir, 'releases')
assert ['cp', '-a', new File(basedir, 'target/dockyard/release').path, new File(releases, '1.0.1').path].execute().waitFor() == 0

def sh = { File dir, List<String> command ->
  Process p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
  String out = p.inputStream.getText('UTF-8')
  int exit = p.waitFor()
  [exit: exit, out: out]
}
def compose = { String version, List<String> args ->
  def r = sh(new File(releases, version), ['docker-compose'] + args)
  assert r.exit == 0 : "docker-compose ${args.join(' ')} for ${version}: ${r.out}"
  r.out
}

// What the bundle holds: images pinned by digest, the project, the config file, the gateway.
def v1 = new File(releases, '1.0.0'), v2 = new File(releases, '1.0.1')
assert new File(v1, '.env').text.contains('COMPOSE_PROJECT_NAME=shop-1-0-0')
assert new File(v2, '.env').text.contains('COMPOSE_PROJECT_NAME=shop-1-0-1')
def release = new JsonSlurper().parse(new File(v2, 'release.json'))
['orders', 'billing', 'stock'].each { s ->
  def module = release.modules.find { it.module == s }
  assert new File(v2, 'compose.yaml').text.contains("image: ${checks.REGISTRY}/${ns}/${s}:1.0.1@${module.digest}")
  assert checks.digest("${ns}/${s}", '1.0.1') == module.digest
}
assert release.modules.find { it.module == 'orders' }.change == 'changed'
assert release.modules.find { it.module == 'billing' }.change == 'unchanged'
assert new File(v2, 'files/orders/config/greeting.txt').text.trim() == "hello from the server's config"
assert log.contains("Release bundle written to ${new File(basedir, 'target/dockyard/release').canonicalPath}:")

// The real client reads both bundles.
[v1, v2].each { dir -> compose(dir.name, ['config', '-q']) }

def port = { File dir, String service ->
  def m = new File(dir, 'gateway/upstreams.conf').text =~ /upstream ${service} \{\s+server 127\.0\.0\.1:(\d+);/
  assert m.find() : "no upstream for ${service} in ${dir}"
  m.group(1) as int
}
assert port(v1, 'orders') != port(v2, 'orders') : 'two releases side by side need ports of their own'

def get = { int p, String path ->
  HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:${p}${path}").openConnection()
  c.setRequestProperty('Connection', 'close')
  c.connectTimeout = 2000
  c.readTimeout = 5000
  try {
    [status: c.responseCode, body: c.inputStream.getText('UTF-8').trim()]
  } finally {
    c.disconnect()
  }
}
def healthy = { File dir ->
  long deadline = System.currentTimeMillis() + 120_000
  ['orders', 'billing', 'stock'].each { s ->
    String name = "shop-${dir.name.replace('.', '-')}-${s}"
    while (true) {
      def r = sh(basedir, ['docker', 'inspect', '--format', '{{.State.Health.Status}}', name])
      if (r.out.trim() == 'healthy') break
      assert System.currentTimeMillis() < deadline : "${name} not healthy: ${r.out}"
      sleep 500
    }
  }
}

// A config file missing on the server: the engine refuses the container, Docker creates no
// directory in its place.
File broken = new File(releases, 'missing')
assert ['cp', '-a', v2.path, broken.path].execute().waitFor() == 0
File config = new File(broken, 'files/orders/config/greeting.txt')
assert config.delete()
def refused = sh(broken, ['docker-compose', '-p', 'shop-missing', 'up', '--no-start'])
assert refused.exit != 0
assert refused.out.contains('bind source path does not exist') : refused.out
assert !config.exists() : 'no directory was created in place of the missing file'
sh(broken, ['docker-compose', '-p', 'shop-missing', 'down'])

File gateway = new File(basedir, 'gateway')
try {
  compose('1.0.0', ['up', '-d'])
  healthy(v1)
  assert get(port(v1, 'orders'), '/').body == "orders 1.0.0 hello from the server's config"
  compose('1.0.1', ['up', '-d'])
  healthy(v2)
  assert get(port(v2, 'orders'), '/').body == "orders 1.0.1 hello from the server's config"
  assert get(port(v1, 'orders'), '/').body.startsWith('orders 1.0.0') : 'both releases run side by side'

  // The gateway: nginx on loopback, its upstreams included from the release it serves.
  gateway.mkdirs()
  new File(gateway, 'logs').mkdirs()
  int gatewayPort = 7190
  new File(gateway, 'current.conf').text = new File(v1, 'gateway/upstreams.conf').text
  new File(gateway, 'nginx.conf').text = """
daemon on;
pid ${gateway}/nginx.pid;
error_log ${gateway}/logs/error.log;
worker_processes 1;
events { worker_connections 256; }
http {
  access_log off;
  include ${gateway}/current.conf;
  server {
    listen 127.0.0.1:${gatewayPort};
    location / { proxy_pass http://orders; }
  }
}
"""
  def started = sh(gateway, ['nginx', '-p', gateway.path, '-c', "${gateway}/nginx.conf".toString()])
  assert started.exit == 0 : started.out
  sleep 500

  int total = 2400, failed = 0, switchAt = 800
  List<String> bodies = []
  for (int i = 0; i < total; i++) {
    if (i == switchAt) {
      new File(gateway, 'current.conf').text = new File(v2, 'gateway/upstreams.conf').text
      def reload = sh(gateway, ['nginx', '-p', gateway.path, '-c', "${gateway}/nginx.conf".toString(), '-s', 'reload'])
      assert reload.exit == 0 : reload.out
    }
    try {
      def r = get(gatewayPort, '/')
      if (r.status != 200) failed++
      bodies << r.body
    } catch (IOException e) {
      failed++
      bodies << "failed: ${e}"
    }
  }
  assert failed == 0 : "${failed} of ${total} requests through the gateway failed"
  assert bodies.take(switchAt).every { it.startsWith('orders 1.0.0') }
  assert bodies.drop(total - 1000).every { it.startsWith('orders 1.0.1') } : 'after the switch, 1.0.1 answers'

  compose('1.0.0', ['down'])
  assert get(gatewayPort, '/').body.startsWith('orders 1.0.1')
} finally {
  File pid = new File(gateway, 'nginx.pid')
  if (pid.exists()) {
    sh(gateway, ['kill', pid.text.trim()])
  }
  ['1.0.0', '1.0.1'].each { v -> if (new File(releases, v).exists()) sh(new File(releases, v), ['docker-compose', 'down']) }
}
return true
