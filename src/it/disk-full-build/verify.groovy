import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
def repo = "${checks.namespace()}/disk-full-build"
def project = new File(disk.ROOT, 'build/project')
def dockyard = new File(project, 'target/dockyard')
String error = java.util.regex.Pattern.quote(
    "No space left on device writing the image tarball (dockyard/image.tar) in ${project}/target (")
String fix = java.util.regex.Pattern.quote(' MB free there now); free space on that disk' +
    ' (mvn clean removes what earlier builds left), or build on a disk with room: ')
def full = checks.file('full.log').getText('UTF-8')
assert full =~ /(?m)^\[ERROR\] Failed to execute goal dev\.dockyard:dockyard-maven-plugin:[^ ]+:build \(default\) on project disk-full-build: ${error}\d+${fix}/
// builds.sh found no image.tar or image.json after the failure; nor had the registry a tag.
assert checks.file('tags-after-failure.txt').text.trim() == '404'

// With space again, the same build without any cleanup succeeded.
def image = new JsonSlurper().parse(new File(dockyard, 'image.json'))
assert new File(dockyard, 'image.tar').length() > (40L << 20)
assert checks.digest(repo, '1.0.0-SNAPSHOT') == image.digest
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0-SNAPSHOT") == 'disk-full-build'
project.deleteDir()
return true
