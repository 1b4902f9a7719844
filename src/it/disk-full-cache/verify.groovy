import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
def repo = "${checks.namespace()}/disk-full-cache"
def mount = new File(disk.ROOT, 'cache')
def cache = new File(mount, 'dockyard')
def runs = checks.log().split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2
String error = java.util.regex.Pattern.quote(
    "No space left on device writing image layers into jib's layer cache in ${cache} (")
String fix = java.util.regex.Pattern.quote(
    " MB free there now); free space on that disk, or move dockyard's cache to a disk with room with" +
    " -Ddockyard.baseImageCache=DIR (<baseImageCache>); all of ${cache} is a cache, safe to delete: ")
assert runs[0] =~ /(?m)^\[ERROR\] Failed to execute goal dev\.dockyard:dockyard-maven-plugin:[^ ]+:push \(default\) on project disk-full-cache: ${error}\d+${fix}/
assert !runs[0].contains("Pushed ${checks.REGISTRY}/${repo}") : 'the failed deploy pushed'

// With space again, the same deploy succeeded on the cache the failed one left.
assert !new File(mount, 'filler.bin').exists()
assert runs[1].contains('BUILD SUCCESS')
def image = new JsonSlurper().parse(checks.file('target/dockyard/image.json'))
assert checks.digest(repo, '1.0.0-SNAPSHOT') == image.digest
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0-SNAPSHOT") == 'disk-full-cache'
// Nothing half-written stayed in the cache: no temporary file of dockyard's, jib's tmp folders empty.
def leftovers = []
cache.eachFileRecurse(groovy.io.FileType.FILES) { File f ->
  String relative = cache.toPath().relativize(f.toPath()).toString()
  if (f.name.endsWith('.tmp') || relative.split('/').contains('tmp')) leftovers << relative
}
assert leftovers == []
cache.deleteDir()
return true
