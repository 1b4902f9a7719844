def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Cannot read Docker config: auths entry '127.0.0.1:5443' in docker-config/config.json is not base64; run docker login 127.0.0.1:5443 again"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tlsTags('127.0.0.1:5443', 'it-bad-docker-config-auth/bad-docker-config-auth').isEmpty() : 'no tag moved'
return true
