def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Module selection names no module: ',' at <modules> / -Ddockyard.modules; name artifactId globs or module paths, e.g. -Ddockyard.modules=order-service,user-*, or leave it out to build every image module"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
