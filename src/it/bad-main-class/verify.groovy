def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid main class: 'it.bad.1App' at <mainClass> / -Ddockyard.mainClass; write a fully qualified class name, e.g. com.example.Application"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
