def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def first = checks.mvn(localRepositoryPath.path, 'first.log',
    ['clean', 'deploy', '-Dmaven.deploy.skip=true', '-Ddockyard.tags=first'])
assert first.exit == 0 : first.log.readLines().takeRight(40).join('\n')
return true
