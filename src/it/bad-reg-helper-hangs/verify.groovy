def checks = evaluate(new File(basedir, '../../../src/it/lib/Checks.groovy'))
assert checks.failure() == "Docker credential helper timed out: 'docker-credential-dockyard-hangs get' gave no answer for registry '127.0.0.1:5443' within 2s (credHelpers in docker-config/config.json); run 'echo 127.0.0.1:5443 | docker-credential-dockyard-hangs get' by hand: it must answer without a prompt (a locked keychain waits for one), or allow it longer with <credentialHelperTimeout>/-Ddockyard.credentialHelperTimeout=<seconds>"
assert !checks.file('target/dockyard/image.json').exists() : 'a failed build leaves no image.json'
assert checks.tlsTags('127.0.0.1:5443', 'it-bad-reg-helper-hangs/bad-reg-helper-hangs').isEmpty() : 'no tag moved'
assert !checks.log().contains('{"Username":') : 'what the helper printed is not quoted'
return true
