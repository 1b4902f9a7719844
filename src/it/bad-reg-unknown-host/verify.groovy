def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
// The whole line; only the resolver's own words after the host differ from machine to machine.
String message = checks.failure()
assert message ==~ /Registry host unknown: 'registry\.invalid: (Name or service not known|Temporary failure in name resolution|No address associated with hostname)' while building registry\.invalid:5000\/it-bad\/bad-reg-unknown-host; check the host in <registry>\/-Ddockyard\.registry, FROM and <mirrors>, and the machine's DNS/ : message
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
