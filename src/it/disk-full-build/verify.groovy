import groovy.json.JsonSlurper

def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
def repo = "${checks.namespace()}/disk-full-build"
def mount = new File(disk.ROOT, 'build')
def project = new File(mount, 'project')
def dockyard = new File(project, 'target/dockyard')
def build = { String logName ->
  List<String> command = [new File(checks.mavenHome, 'bin/mvn').path, '-B',
      "-Dmaven.repo.local=${localRepositoryPath}".toString(),
      'deploy', '-Dmaven.deploy.skip=true', '-Ddockyard.tarball=true']
  Process p = new ProcessBuilder(command).directory(project).redirectErrorStream(true)
      .redirectOutput(new File(basedir, logName)).start()
  return [exit: p.waitFor(), log: new File(basedir, logName).getText('UTF-8')]
}

def full = build('full.log')
assert full.exit != 0 : 'the build on a full disk succeeded; see full.log'
String error = java.util.regex.Pattern.quote(
    "No space left on device writing the image tarball (dockyard/image.tar) in ${project}/target (")
String fix = java.util.regex.Pattern.quote(' MB free there now); free space on that disk' +
    ' (mvn clean removes what earlier builds left), or build on a disk with room: ')
assert full.log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.dockyard:dockyard-maven-plugin:[^ ]+:build \(default\) on project disk-full-build: ${error}\d+${fix}/
// Nothing half-written is left to be taken for an image, and nothing was pushed.
assert !new File(dockyard, 'image.tar').exists() : 'a partial image.tar was left behind'
assert !new File(dockyard, 'image.json').exists()
assert checks.tags(repo) == []

// With space again, the same build without any cleanup succeeds.
assert new File(mount, 'filler.bin').delete()
def rerun = build('rerun.log')
assert rerun.exit == 0 : 'the build with space failed; see rerun.log'
def image = new JsonSlurper().parse(new File(dockyard, 'image.json'))
assert new File(dockyard, 'image.tar').length() > (40L << 20)
assert checks.digest(repo, '1.0.0-SNAPSHOT') == image.digest
assert checks.run("${checks.REGISTRY}/${repo}:1.0.0-SNAPSHOT") == 'disk-full-build'
project.deleteDir()
return true
