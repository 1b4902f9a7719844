def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = 'it-rdefault'
def log = checks.log()

// Same sources, same digest, though the library's jar was built anew, with new entry times.
def orders = checks.digest("${ns}/orders", 'first')
assert checks.digest("${ns}/orders", 'second') == orders
assert checks.run("${checks.REGISTRY}/${ns}/orders:second") == 'hello orders'
// The config carries no build time: the epoch, as without outputTimestamp.
assert checks.config("${ns}/orders", 'second').created == '1970-01-01T00:00:00Z'

// stamp.properties is filtered with ${maven.build.timestamp}: it changes with every build, its
// source does not, and the log names it, once, as what makes this image differ.
assert checks.digest("${ns}/stamped", 'second') != checks.digest("${ns}/stamped", 'first')
def drift = log.readLines().findAll { it.contains('changes with every build') }
assert drift.size() == 1 : drift
assert drift[0] ==~ /\[WARNING\] stamped\/target\/classes\/stamp\.properties changes with every build, though stamped\/src\/main\/resources\/stamp\.properties did not: .*/
assert !new File(basedir, 'first.log').text.contains('changes with every build')

// A second checkout at another path, by another owner, under umask 077, in a setgid folder (the
// folders made inside inherit the bit), another time zone and locale: still the same digest.
checks.forgetImages(ns)
File elsewhere = new File(basedir, '../reproducible-default-elsewhere/checkout').canonicalFile
elsewhere.parentFile.deleteDir()
elsewhere.mkdirs()
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
String script = """
set -e
umask 077
chmod 2700 .
cp -r '${basedir}/pom.xml' '${basedir}/common' '${basedir}/orders' '${basedir}/stamped' .
find . -name target -prune -exec rm -rf {} +
chown -R 4321:4321 .
export TZ=Pacific/Kiritimati LANG=C LC_ALL=C
'${mvn}' -B -Dmaven.repo.local='${localRepositoryPath.path}' clean deploy \
    -Dmaven.deploy.skip=true -Ddockyard.tags=elsewhere -pl orders -am
""".toString()
File elsewhereLog = new File(elsewhere.parentFile, 'build.log')
Process p = new ProcessBuilder(['sh', '-c', script]).directory(elsewhere)
    .redirectErrorStream(true).redirectOutput(elsewhereLog).start()
assert p.waitFor() == 0 : elsewhereLog.readLines().takeRight(40).join('\n')
assert new File(elsewhere, 'orders/target/classes/orders.properties').with {
  java.nio.file.Files.getPosixFilePermissions(it.toPath()).size() == 2
} : 'umask 077 gives rw------- files'
assert (java.nio.file.Files.getAttribute(new File(elsewhere, 'orders/target/dockyard').toPath(),
    'unix:mode') & 02000) != 0 : 'folders made in the checkout inherit its setgid bit'
assert checks.digest("${ns}/orders", 'elsewhere') == orders
return true
