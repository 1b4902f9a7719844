def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def images = evaluate(new File(basedir, '../../../src/it/lib/ImageFiles.groovy'))

// src/main/docker/Dockerfile.dockerignore leaves out target, src, *.log and .dockerignore, and
// nothing else: the context's .dockerignore (*.md) is not read, so c.md is in the image.
def expected = ['/app/a.txt', '/app/c.md', '/app/invoker.properties',
                '/app/pom.xml', '/app/verify.groovy']

['own-ignore-service', 'own-ignore-docker'].each { repository ->
  assert checks.tags("it-ignore/${repository}").contains('1.0.0') : "${repository} was pushed"
  String image = "${checks.REGISTRY}/it-ignore/${repository}:1.0.0"
  images.docker('pull', '-q', image)
  List<String> files = images.tree(image)
      .findAll { path, entry -> path.startsWith('/app/') && entry.type == 'file' }
      .collect { path, entry -> path }.sort()
  // The Docker engine (classic builder) is sent the rendered Dockerfile inside the context; the
  // rules hide target, so it is dropped again (BuildKit never sends it): in neither image.
  assert files == expected : repository
}
File copy = new File(basedir, 'target/dockyard/Dockerfile.dockerignore')
assert copy.text == new File(basedir, 'src/main/docker/Dockerfile.dockerignore').text :
    'the template\'s ignore file lies beside the rendered Dockerfile, for docker build -f'
assert checks.log().contains('Docker engine unix:') : 'the second build went through the Docker engine'
return true
