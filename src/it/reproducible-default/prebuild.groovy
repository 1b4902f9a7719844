def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
// What an earlier run of this IT recorded of its resources is forgotten: the first build below
// has nothing to compare with, as on a new machine.
['common', 'orders', 'stamped'].each { module ->
  String dir = new File(basedir, module).toPath().toAbsolutePath().normalize().toString()
  String hash = java.security.MessageDigest.getInstance('SHA-256')
      .digest(dir.getBytes('UTF-8')).encodeHex().toString().substring(0, 32)
  new File(System.getProperty('user.home'), ".cache/dockyard/outputs/${hash}.properties").delete()
}
def first = checks.mvn(localRepositoryPath.path, 'first.log',
    ['clean', 'deploy', '-Dmaven.deploy.skip=true', '-Ddockyard.tags=first'])
assert first.exit == 0 : first.log.readLines().takeRight(40).join('\n')
// The builds below must build again, not take the image this one pushed by its inputs.
checks.forgetImages('it-rdefault')
return true
