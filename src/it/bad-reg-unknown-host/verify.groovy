def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
// The whole line. The resolver's words after the host vary: the JVM's cache of failed lookups
// answers with the host alone, the system resolver adds why (Name or service not known, ...).
String message = checks.failure()
assert message ==~ /Registry host unknown: 'registry\.invalid(: [A-Za-z ]+)?' while building registry\.invalid:5000\/it-bad\/bad-reg-unknown-host; check the host in <registry>\/-Ddockyard\.registry, FROM and <mirrors>, and the machine's DNS(: registry\.invalid: [A-Za-z ]+)?/ : message
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
