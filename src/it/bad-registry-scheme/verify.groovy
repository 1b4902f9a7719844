def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Invalid registry: 'https://127.0.0.1:5000' at <registry> / -Ddockyard.registry; a registry is a host name, an IPv4 address, [IPv6] or localhost, optionally followed by :port (e.g. registry.example.com or 127.0.0.1:5000), without scheme or path; remove 'https://'"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'

return true
