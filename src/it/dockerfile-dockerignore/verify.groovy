def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))

// src/main/docker/Dockerfile.dockerignore leaves out target, src and *.log, and nothing else: the
// context's .dockerignore (*.md) is not read, so c.md is in the image.
def expected = ['/app/.dockerignore', '/app/a.txt', '/app/c.md', '/app/invoker.properties',
                '/app/pom.xml', '/app/verify.groovy']

List<String> files(String image) {
  List<String> command = ['docker', 'run', '--rm', '--pull', 'always', '--network', 'host', '--entrypoint', 'find', image,
      '/app', '-type', 'f']
  Process p = command.execute()
  StringBuffer out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "${command.join(' ')}: ${out}${err}"
  return out.readLines().sort()
}

['own-ignore-service', 'own-ignore-docker'].each { repository ->
  assert checks.tags("it-ignore/${repository}").contains('1.0.0') : "${repository} was pushed"
  assert files("${checks.REGISTRY}/it-ignore/${repository}:1.0.0") == expected : repository
}
File copy = new File(basedir, 'target/dockyard/Dockerfile.dockerignore')
assert copy.text == new File(basedir, 'src/main/docker/Dockerfile.dockerignore').text :
    'the template\'s ignore file lies beside the rendered Dockerfile, for docker build -f'
assert checks.log().contains('Docker engine unix:') : 'the second build went through the Docker engine'
return true
