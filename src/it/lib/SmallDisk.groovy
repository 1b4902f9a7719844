// The test environment's small filesystems (scripts/testenv mounts them): one for a build directory,
// one for a cache folder. Loaded by the disk-full ITs with:
// def disk = evaluate(new File(basedir, '../../../src/it/lib/SmallDisk.groovy'))
import java.nio.file.Files

class SmallFilesystems {
  static final String ROOT = System.getenv('DOCKYARD_TEST_SMALL_FS') ?:
      "${System.getenv('DOCKYARD_TESTENV_DIR') ?: '/run/dockyard-test'}/small-fs"

  /** The mount of this name, emptied of what an earlier run left. */
  File fresh(String name) {
    File mount = new File(ROOT, name)
    Process p = ['mountpoint', '-q', mount.path].execute()
    assert p.waitFor() == 0 : "${mount} is not a mount point: run scripts/testenv start"
    mount.listFiles().each { it.isDirectory() ? it.deleteDir() : it.delete() }
    return mount
  }

  /** Fills the mount with a filler file until only this many bytes are left for the build. */
  File fill(File mount, long leave) {
    File filler = new File(mount, 'filler.bin')
    long size = Files.getFileStore(mount.toPath()).usableSpace - leave
    byte[] chunk = new byte[1 << 20]
    filler.withOutputStream { out ->
      for (long written = 0; written < size; written += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, size - written))
      }
    }
    return filler
  }

  long free(File mount) {
    return Files.getFileStore(mount.toPath()).usableSpace
  }
}
return new SmallFilesystems()
