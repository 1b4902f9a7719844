def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid -Ddockyard.pushAtEnd: 'maybe' is not a boolean; use -Ddockyard.pushAtEnd=true or =false (-Ddockyard.pushAtEnd alone means true)"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tags('it-bad-push-at-end/bad-push-at-end').isEmpty() : 'no tag moved'
return true
