def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = 'it-multi'
def services = ['order-service', 'user-service', 'billing-service', 'shipping-service']

// Exactly the service images, each tagged by version and latest (a release).
services.each { s ->
  assert checks.tags("${ns}/${s}").sort() == ['1.0.0', 'latest'] : "tags of ${s}"
  assert checks.digest("${ns}/${s}", '1.0.0') == checks.digest("${ns}/${s}", 'latest')
  def recorded = checks.file("${s.startsWith('billing') || s.startsWith('shipping') ? 'services/' + s.replace('-service', '') : s}/target/dockyard/image.digest").text.trim()
  assert recorded == checks.digest("${ns}/${s}", '1.0.0') : "image.digest of ${s}"
}
assert checks.tags("${ns}/shared-lib") == []
assert checks.tags("${ns}/shop") == []
assert checks.tags("${ns}/services") == []

// The generated Dockerfile: ports, env, labels, entrypoint with the JVM flags.
def order = checks.config("${ns}/order-service", '1.0.0')
assert order.config.ExposedPorts.keySet() == ['8081/tcp'] as Set
assert checks.env(order).APP_MODE == 'generated'
assert order.config.Labels.team == 'orders'
assert order.config.Entrypoint[0] == 'java' && order.config.Entrypoint.contains('-Xmx64m')
assert order.config.Entrypoint.last() == 'it.shop.order.OrderApp'
assert order.created.startsWith('2024-06-01T10:00:00')
assert checks.file('order-service/target/dockyard/Dockerfile').text.contains('FROM 127.0.0.1:5000/base/java17:latest')

// The module's own template: labels, env from a project property, config file, ports.
def user = checks.config("${ns}/user-service", '1.0.0')
assert user.config.Labels['org.opencontainers.image.version'] == '1.0.0'
assert user.config.Labels.team == 'users'
assert checks.env(user).TZ == 'Europe/Berlin'
assert checks.env(user).JAVA_HOME == '/opt/java' : 'base image env kept'
assert user.config.ExposedPorts.keySet() == ['8082/tcp'] as Set
assert user.config.WorkingDir == '/app'
assert user.config.Entrypoint == ['java', '-cp', '/app/classes:/app/libs/*', 'it.shop.user.UserApp']

// The shared parent template: a Docker variable left for Docker, a per-module label.
def billing = checks.config("${ns}/billing-service", '1.0.0')
assert billing.config.Labels.service == 'billing-service'
assert checks.env(billing).GREETING == 'shared-template'
assert billing.config.Cmd == ['java', '-cp', '/srv/classes:/srv/libs/*', 'it.shop.billing.BillingApp']

// What each image prints when run.
def reg = checks.REGISTRY
assert checks.run("${reg}/${ns}/order-service:1.0.0") == 'Hello from order-service mode=generated'
assert checks.run("${reg}/${ns}/user-service:1.0.0") == 'Hello from user-service greeting=configured-by-file tz=Europe/Berlin'
assert checks.run("${reg}/${ns}/billing-service:1.0.0") == 'Hello from billing-service greeting=shared-template'
assert checks.run("${reg}/${ns}/shipping-service:1.0.0") == 'Hello from shipping-service greeting=shared-template'

// One line per skipped module, and the summary table.
def log = checks.log()
assert log.contains('Skipping shared-lib: ')
assert log.contains('Skipping shop: ')
assert log =~ /dockyard summary:/
services.each { s -> assert log =~ /(?m)^\[INFO\]\s+${s}\s+127\.0\.0\.1:5000\/${ns}\/${s}\s+1\.0\.0,latest\s+pushed\s+(?:new|unchanged since latest)\s+sha256:/ }
return true
