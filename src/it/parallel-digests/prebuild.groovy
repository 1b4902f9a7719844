// Twelve services, each its own class and resource; the resource names this run, so an earlier
// run's images are not reused by their inputs.
String run = Long.toString(System.currentTimeMillis())
new File(basedir, 'run.txt').text = run
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
  new File(module, 'src/main/resources/service.properties').text = "name=${name}\nport=${8000 + i}\nrun=${run}\n"
}
return true
