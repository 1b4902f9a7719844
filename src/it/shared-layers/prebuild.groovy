// Repositories of their own for every run: the registry keeps what earlier runs pushed, and a
// repository that already holds the base layers would not show whether they are mounted. Both
// runs read the namespace from .mvn/maven.config.
def namespace = "it-layers-${System.currentTimeMillis()}"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Ddockyard.namespace=${namespace}\n"
new File(basedir, 'namespace.txt').text = namespace
return true
