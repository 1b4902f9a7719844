def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Cannot read Docker config: 'docker-config/config.json' is not valid JSON at line 1, column 45; fix or remove the file (docker login writes it anew), or point DOCKER_CONFIG at another directory"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert !checks.log().contains('ZG9j') : 'nothing of the file is quoted'
assert checks.tlsTags('127.0.0.1:5443', 'it-bad-docker-config-malformed/bad-docker-config-malformed').isEmpty() : 'no tag moved'
return true
