def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
// Built at the end of the reactor, once every module succeeded: the whole failure, then the
// step's last output, each on its own line.
String image = "${checks.REGISTRY}/it-dfail/failing-service"
List<String> lines = log.readLines()
int at = lines.indexOf("[ERROR] Building and pushing ${image} with the Docker engine failed: RUN step failed with exit code 3: 'RUN echo \"checking the locale\" && echo \"locale xx_YY not found\" && exit 3' at src/main/docker/Dockerfile:3; fix the command (it runs in the image being built); no tag moved".toString())
assert at >= 0 : lines.findAll { it.startsWith('[ERROR]') }.join('\n')
// once as it happens, once in Maven's report of the failure at the end
int again = lines.findIndexOf(at + 1) { it == lines[at] }
assert again > at
[at, again].each { assert lines.subList(it + 1, it + 4) == ['[ERROR] Last output of the step:', '[ERROR]   checking the locale', '[ERROR]   locale xx_YY not found'] }
assert checks.tags('it-dfail/failing-service') == [] : 'nothing pushed'
def inspect = ['docker', 'image', 'inspect', "${checks.REGISTRY}/it-dfail/failing-service:1.0.0"].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !checks.file('target/dockyard/image.json').exists()
return true
