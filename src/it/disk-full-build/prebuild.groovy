import java.nio.file.Files
import java.nio.file.Path

// The project on the test environment's small filesystem, filled to 16 MB free.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
checks.ownNamespace('it-diskfull-build')
def mount = disk.fresh('build')
def from = new File(basedir, 'project').toPath()
def to = new File(mount, 'project').toPath()
Files.walk(from).each { Path path -> Files.copy(path, to.resolve(from.relativize(path).toString())) }
new File(mount, 'project/.mvn').mkdirs()
new File(mount, 'project/.mvn/maven.config').text = new File(basedir, '.mvn/maven.config').text
disk.fill(mount, 16L << 20)
assert disk.free(mount) < (17L << 20)
return true
