// The project on the test environment's small filesystem, filled to 16 MB free.
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
checks.ownNamespace('it-diskfull-build')
def mount = disk.fresh('build')
new AntBuilder().copy(todir: new File(mount, 'project')) { fileset(dir: new File(basedir, 'project')) }
new File(mount, 'project/.mvn').mkdirs()
new File(mount, 'project/.mvn/maven.config').text = new File(basedir, '.mvn/maven.config').text
disk.fill(mount, 16L << 20)
assert disk.free(mount) < (17L << 20)
return true
