def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "Image module bad-compose-not-pushed has no pushed image in release.json (status 'built'); the bundle pins every service by digest: run mvn deploy, so that every image is pushed and tagged, then write the bundle".toString()
assert !checks.file('target/dockyard/release').exists() : 'no bundle written'
return true
