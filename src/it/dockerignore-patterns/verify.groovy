def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))

// Every file of the context that .dockerignore lets through, and nothing else: character classes,
// '**' inside a path element, escaped brackets and '!' exceptions, as Docker reads them.
def expected = [
    '/app/.dockerignore', '/app/data/1.csv', '/app/docs/guide/intro.md', '/app/important.log',
    '/app/invoker.properties', '/app/keep/b2.txt', '/app/keep/d4.txt', '/app/notes.md',
    '/app/pom.xml', '/app/src/main/docker/Dockerfile', '/app/verify.groovy',
]

List<String> files(String image) {
  List<String> command = ['docker', 'run', '--rm', '--pull', 'always', '--network', 'host', '--entrypoint', 'find', image,
      '/app', '-type', 'f']
  Process p = command.execute()
  StringBuffer out = new StringBuffer(), err = new StringBuffer()
  p.waitForProcessOutput(out, err)
  assert p.exitValue() == 0 : "${command.join(' ')}: ${out}${err}"
  return out.readLines().sort()
}

['patterns-service', 'patterns-docker'].each { repository ->
  assert checks.tags("it-ignore/${repository}").contains('1.0.0') : "${repository} was pushed"
  assert files("${checks.REGISTRY}/it-ignore/${repository}:1.0.0") == expected : repository
}
assert checks.log().contains('Docker engine unix:') : 'the second build went through the Docker engine'
return true
