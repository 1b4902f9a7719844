// Twelve services, each its own class and resource; deployed serially here, before the invoker's
// build deploys them with -T 4 into another namespace (a repository of its own, so it cannot reuse
// an image by its inputs: every image is built again).
def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
def ns = "it-pardig-${System.currentTimeMillis()}"
new File(basedir, 'namespace.txt').text = ns
(1..12).each { int i ->
  String name = String.format('svc-%02d', i)
  String pkg = "it.pardig.svc${i}"
  File module = new File(basedir, name)
  new File(module, "src/main/java/${pkg.replace('.', '/')}").mkdirs()
  new File(module, 'src/main/resources').mkdirs()
  new File(module, 'pom.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>it.pardig</groupId>
    <artifactId>parallel-digests</artifactId>
    <version>\${revision}</version>
  </parent>
  <artifactId>${name}</artifactId>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.dockyard</groupId>
        <artifactId>dockyard-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
"""
  new File(module, "src/main/java/${pkg.replace('.', '/')}/App.java").text = """package ${pkg};

public class App {
  public static void main(String[] args) {
    System.out.println("${name}");
  }
}
"""
  new File(module, 'src/main/resources/service.properties').text = "name=${name}\nport=${8000 + i}\n"
}
def serial = checks.mvn(localRepositoryPath.toString(), 'serial.log',
    ['deploy', '-Dmaven.deploy.skip=true', "-Ddockyard.namespace=${ns}-serial".toString()])
assert serial.exit == 0 : 'the serial deploy failed; see serial.log'
// Written only now: the serial build above names its own namespace.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Ddockyard.namespace=${ns}-parallel\n"
return true
