def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def log = checks.log()
assert log.contains("RUN step failed with exit code 3: 'RUN echo \"checking the locale\" && echo \"locale xx_YY not found\" && exit 3' at src/main/docker/Dockerfile:3; fix the command (it runs in the image being built)")
assert log.contains("Last output of the step:\n  checking the locale\n  locale xx_YY not found")
assert checks.tags('it-dfail/failing-service') == [] : 'nothing pushed'
def inspect = ['docker', 'image', 'inspect', "${checks.REGISTRY}/it-dfail/failing-service:1.0.0"].execute()
inspect.waitForProcessOutput(new StringBuffer(), new StringBuffer())
assert inspect.exitValue() != 0 : 'no tagged image is left in the engine'
assert !checks.file('target/dockyard/image.json').exists()
return true
