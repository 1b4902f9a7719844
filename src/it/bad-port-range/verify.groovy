def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid port: '70000' at <ports> / -Ddockyard.ports; write a port number from 1 to 65535, optionally followed by /tcp, /udp or /sctp, e.g. 8080 or 8080/udp"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
return true
