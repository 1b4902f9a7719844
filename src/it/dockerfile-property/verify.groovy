def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = 'it-dockerfile-property'
def log = checks.log()

// Each image module is built from the Dockerfile.debug in its own directory: over web's own
// <dockerfile>, and instead of worker's generated Dockerfile.
['web', 'worker'].each { m ->
  Map labels = checks.config("${ns}/${m}", '1.0.0').config.Labels
  assert labels['it.variant'] == 'debug' : "${m}: ${labels}"
  assert labels['it.module'] == m : "${m}: ${labels}"
  assert checks.run("${checks.REGISTRY}/${ns}/${m}:1.0.0") == "${m} says hi debug"
  assert checks.file("${m}/target/dockyard/Dockerfile").text.contains('LABEL it.variant="debug"')
}

// The library has no Dockerfile.debug: it stays a library.
assert log.contains('Skipping lib: no Dockerfile and no main class; add src/main/docker/Dockerfile or set <mainClass>')
assert checks.tags("${ns}/lib") == []

// <baseImageCache> in the POM puts the caches beside the folder it names.
assert checks.file('cache/pushed-layers.tsv').isFile()
assert checks.file('cache/membership').exists()
return true
