def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def a = checks.manifest('it-layers/service-a', '1.2.0')
def b = checks.manifest('it-layers/service-b', '1.2.0')
def base = checks.manifest('base/java17', 'latest')
def appLayers = { m -> m.layers.drop(base.layers.size()).collect { it.digest } }

// One layer per groupId: the com.google.guava layer (guava and failureaccess) is the same blob in
// both services, while each service's small leftovers sit in a layer of its own.
assert appLayers(a)[0] == appLayers(b)[0] : 'the com.google.guava layer is shared'
assert appLayers(a)[1] != appLayers(b)[1] : 'the misc layers differ (commons-lang3 vs commons-text)'
assert checks.file('service-a/target/dockyard/Dockerfile').text.contains('COPY target/dockyard/app/layers/com.google.guava/ /app/libs/')

assert checks.run("${checks.REGISTRY}/it-layers/service-a:1.2.0") == 'service-a uses guava'
assert checks.run("${checks.REGISTRY}/it-layers/service-b:1.2.0") == 'service-b uses guava'
return true
