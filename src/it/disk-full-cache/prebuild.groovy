// The cache folder (dockyard.baseImageCache in the POM) is on the test environment's small
// filesystem, filled to 2 MB free; a 4 MB resource that does not compress makes a layer that
// jib's layer cache cannot hold. (The base image's layers are mounted from the same registry, so
// they never pass through the cache.)
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
checks.ownNamespace('it-diskfull-cache')
def big = new File(basedir, 'src/main/resources/big.bin')
big.parentFile.mkdirs()
byte[] bytes = new byte[4 << 20]
new Random(42).nextBytes(bytes)
big.bytes = bytes
def mount = disk.fresh('cache')
disk.fill(mount, 2L << 20)
assert disk.free(mount) < (3L << 20)
return true
