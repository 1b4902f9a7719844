def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert checks.failure() == "COPY --from names no stage: 'biuld' at src/main/docker/Dockerfile:7; stages are 'build', 'runtime'; did you mean 'build'? Name one of them (or a stage index, 0 to 1), or write a full image reference such as 'docker.io/library/biuld:latest' to copy from an image"
assert !log.contains('registry-1.docker.io') : 'no pull was tried'
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tags('it-badstage/unknown-stage') == [] : 'nothing was pushed'
return true
